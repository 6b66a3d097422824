import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (`npm run migration:*`); reads DATABASE_URL like the API does. */
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL must be set to generate or run migrations from the CLI');
export default new DataSource(dataSourceOptions(url));
