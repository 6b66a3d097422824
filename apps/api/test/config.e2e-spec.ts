import { ConfigError } from '@schakel/platform';
import { bootstrapConfig } from '../src/bootstrap-config';

describe('start-up configuration', () => {
  it('refuses a bad variable with one line naming it', async () => {
    const err = await bootstrapConfig({ PORT: 'eighty', DATABASE_URL: 'postgres://x@127.0.0.1/db' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/^Invalid configuration: PORT /);
    expect(err.message).not.toContain('\n');
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const err = await bootstrapConfig({ DATABASE_URL: 'mysql://x@127.0.0.1/db' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('DATABASE_URL');
  });

  it('requires the secrets in production', async () => {
    const err = await bootstrapConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1/db' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    for (const key of ['JWT_SECRET', 'ENCRYPTION_KEYS', 'BLIND_INDEX_KEY', 'SIGNING_KEY']) expect(err.message).toContain(key);
  });
});
