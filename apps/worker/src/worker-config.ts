import { type AppConfig, ConfigError, parseConfig } from '@schakel/platform';

export class WorkerConfig {
  constructor(readonly env: AppConfig, readonly databaseUrl: string) {}
}

/**
 * The worker shares the API's configuration. It needs DATABASE_URL even on a laptop: `npm start`
 * passes it the URL of the embedded PostgreSQL the launcher started.
 */
export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const parsed = parseConfig(env);
  if (!parsed.DATABASE_URL) {
    throw new ConfigError('Invalid configuration: DATABASE_URL is required for the worker (npm start sets it for you)');
  }
  return new WorkerConfig(parsed, parsed.DATABASE_URL);
}
