import { type AppConfig, ConfigError, parseConfig, resolveSecrets } from '@schakel/platform';

export class WorkerConfig {
  constructor(
    readonly env: AppConfig,
    readonly databaseUrl: string,
    readonly signingKey: string,
  ) {}
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
  // Same resolution as the API (in development both read DATA_DIR/dev-secrets.json), so checkpoints
  // the worker signs verify with the API's public key.
  return new WorkerConfig(parsed, parsed.DATABASE_URL, parsed.SIGNING_KEY ?? resolveSecrets(parsed).secrets.signingKey);
}
