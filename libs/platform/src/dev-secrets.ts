import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './config';

export interface Secrets {
  jwtSecret: string;
  encryptionKeys: string;
  blindIndexKey: string;
  signingKey: string;
}

/**
 * Outside production a missing secret is generated once and kept in DATA_DIR/dev-secrets.json,
 * so a laptop runs with one command and encrypted data survives restarts. Production refuses to
 * start without them (see configSchema).
 */
export function resolveSecrets(config: AppConfig): { secrets: Secrets; generated: string[] } {
  const needed = {
    jwtSecret: config.JWT_SECRET,
    encryptionKeys: config.ENCRYPTION_KEYS,
    blindIndexKey: config.BLIND_INDEX_KEY,
    signingKey: config.SIGNING_KEY,
  };
  const missing = Object.entries(needed)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 0) return { secrets: needed as Secrets, generated: [] };

  const file = join(config.DATA_DIR, 'dev-secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const fresh: Secrets = {
    jwtSecret: stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    encryptionKeys: stored.encryptionKeys ?? `dev1:${randomBytes(32).toString('base64')}`,
    blindIndexKey: stored.blindIndexKey ?? randomBytes(32).toString('base64url'),
    signingKey: stored.signingKey ?? generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
  mkdirSync(config.DATA_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return {
    secrets: {
      jwtSecret: needed.jwtSecret ?? fresh.jwtSecret,
      encryptionKeys: needed.encryptionKeys ?? fresh.encryptionKeys,
      blindIndexKey: needed.blindIndexKey ?? fresh.blindIndexKey,
      signingKey: needed.signingKey ?? fresh.signingKey,
    },
    generated: missing,
  };
}
