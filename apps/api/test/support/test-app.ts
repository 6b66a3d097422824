import type { INestApplication } from '@nestjs/common';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createTestDatabase, type TestDatabase } from '../../../../tools/test/test-database';
import { bootstrapConfig } from '../../src/bootstrap-config';
import { createApp } from '../../src/create-app';

export interface TestApp {
  app: INestApplication;
  http: () => TestAgent;
  db: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** What the HTTP fixtures need: an in-process app, or an API process reached by URL (`request(baseUrl)`). */
export type HttpTarget = Pick<TestApp, 'http'>;

export const TEST_ADMIN = { email: 'admin@test.schakel.be', password: 'admin-password-for-tests' };

export const TEST_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

/** Test secrets: real keys, fresh per run, never the developer's .data secrets. */
export function testSecrets(): Record<string, string> {
  return {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
    BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
    SIGNING_KEY: TEST_SIGNING_KEY,
  };
}

/**
 * The whole API on its own fresh database (migrated at start-up, as in production), reached
 * over HTTP through supertest. The queue backend is BullMQ on PostgreSQL unless `REDIS_URL` is passed.
 */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'schakel-data-')),
    WEB_DIST_DIR: join(tmpdir(), 'schakel-no-web'),
    ...testSecrets(),
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...overrides,
  };
  const { config } = await bootstrapConfig(env);
  const app = await createApp(config);
  await app.init();
  // Fastify answers on its Node server only once ready (app.listen() does this itself; supertest uses the bare server).
  await (app.getHttpAdapter().getInstance() as { ready(): PromiseLike<unknown> }).ready();
  const server = app.getHttpServer();
  return {
    app,
    env,
    db,
    http: () => request(server),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
