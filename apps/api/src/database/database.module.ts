import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { provisionRuntimeDatabase } from '@schakel/platform';
import { RuntimeConfig } from '../config/runtime-config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './migration-runner';

const logger = new Logger('Database');

/**
 * Two connections, two roles: the owner (DATABASE_URL) migrates under a lock and (re)grants the
 * runtime role, then closes; every request is served by the runtime role, which owns nothing and
 * may only read and append the logs (libs/platform database-roles.ts, ADR 0006).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RuntimeConfig],
      useFactory: async (config: RuntimeConfig) => {
        if (config.env.RUN_MIGRATIONS) {
          const owner = await new DataSource(dataSourceOptions(config.databaseUrl, 'schakel-migrate')).initialize();
          try {
            const applied = await runMigrationsLocked(owner);
            if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
          } finally {
            await owner.destroy();
          }
        }
        const runtime = await provisionRuntimeDatabase(config.databaseUrl, config.env.DATABASE_RUNTIME_URL);
        logger.log(`requests served as database role ${runtime.role} (${runtime.source})`);
        // The runtime role may not create extensions; the migrations did.
        return { ...dataSourceOptions(runtime.url), installExtensions: false };
      },
    }),
  ],
})
export class DatabaseModule {}
