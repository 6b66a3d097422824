import { type EmbeddedDatabase, parseConfig, resolveSecrets, startEmbeddedPostgres } from '@schakel/platform';
import { RuntimeConfig } from './config/runtime-config';

/**
 * Validates the environment and resolves the database: DATABASE_URL when set, otherwise an
 * embedded PostgreSQL with its data under DATA_DIR. Throws ConfigError on a bad variable.
 */
export async function bootstrapConfig(
  env: Record<string, string | undefined>,
): Promise<{ config: RuntimeConfig; embedded?: EmbeddedDatabase; generatedSecrets: string[] }> {
  const parsed = parseConfig(env);
  const { secrets, generated } = resolveSecrets(parsed);
  if (parsed.DATABASE_URL) {
    return { config: new RuntimeConfig(parsed, parsed.DATABASE_URL, 'external', secrets), generatedSecrets: generated };
  }
  const embedded = await startEmbeddedPostgres(parsed.DATA_DIR);
  return { config: new RuntimeConfig(parsed, embedded.url, 'embedded', secrets), embedded, generatedSecrets: generated };
}
