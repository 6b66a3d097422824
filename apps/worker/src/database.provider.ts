import { Pool } from 'pg';
import { WorkerConfig } from './worker-config';

export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider = {
  provide: PG_POOL,
  inject: [WorkerConfig],
  useFactory: (config: WorkerConfig) => new Pool({ connectionString: config.databaseUrl, max: 4, application_name: 'schakel-worker' }),
};
