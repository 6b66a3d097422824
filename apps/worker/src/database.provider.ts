import { Pool } from 'pg';
import { provisionRuntimeDatabase } from '@schakel/platform';
import { WorkerConfig } from './worker-config';

export const PG_POOL = Symbol('PG_POOL');

/** The worker, like the API, works as the runtime role (see libs/platform database-roles.ts), never as the owner. */
export const pgPoolProvider = {
  provide: PG_POOL,
  inject: [WorkerConfig],
  useFactory: async (config: WorkerConfig) => {
    const runtime = await provisionRuntimeDatabase(config.databaseUrl, config.env.DATABASE_RUNTIME_URL);
    return new Pool({ connectionString: runtime.url, max: 4, application_name: 'schakel-worker' });
  },
};
