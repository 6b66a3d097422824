import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RuntimeConfig } from '../config/runtime-config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './migration-runner';

const logger = new Logger('Database');

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RuntimeConfig],
      // `migrationsRun` carries RUN_MIGRATIONS to the factory below, which migrates under a lock
      // before any other provider can touch the schema.
      useFactory: (config: RuntimeConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        migrationsRun: config.env.RUN_MIGRATIONS,
      }),
      dataSourceFactory: async (options) => {
        const migrate = Boolean(options?.migrationsRun);
        const ds = new DataSource({ ...options!, migrationsRun: false } as typeof options & object);
        await ds.initialize();
        if (migrate) {
          const applied = await runMigrationsLocked(ds);
          if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
        }
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
