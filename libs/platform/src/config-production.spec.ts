import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { parseConfig } from './config';

const production = (over: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/schakel',
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
  SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  ...over,
});

describe('parseConfig in production', () => {
  it('accepts random secrets and requires two-factor for every role by default', () => {
    expect(parseConfig(production()).MFA_REQUIRED_ROLES).toEqual(
      expect.arrayContaining(['referrer', 'agency_member', 'case_director', 'prosecutor_liaison', 'dpo', 'admin']),
    );
    expect(parseConfig(production({ MFA_REQUIRED_ROLES: 'admin' })).MFA_REQUIRED_ROLES).toEqual(['admin']);
  });

  it('keeps the development default outside production', () => {
    expect(parseConfig({}).MFA_REQUIRED_ROLES).not.toContain('referrer');
  });

  it('refuses a 32×"a" JWT secret', () => {
    expect(() => parseConfig(production({ JWT_SECRET: 'a'.repeat(32) }))).toThrow(/JWT_SECRET has too little entropy/);
  });

  it('refuses an all-zero encryption key', () => {
    expect(() => parseConfig(production({ ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}` }))).toThrow(
      /ENCRYPTION_KEYS holds a key with too little entropy/,
    );
  });

  it('refuses a blind-index key equal to the JWT secret', () => {
    const shared = randomBytes(48).toString('base64url');
    expect(() => parseConfig(production({ JWT_SECRET: shared, BLIND_INDEX_KEY: shared }))).toThrow(/BLIND_INDEX_KEY must not be the same secret as JWT_SECRET/);
  });

  it('says it in one line', () => {
    try {
      parseConfig(production({ JWT_SECRET: 'a'.repeat(32) }));
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
