import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../api/src/database/data-source-options';
import { runMigrationsLocked } from '../../../api/src/database/migration-runner';
import { createTestDatabase, withClient, type TestDatabase } from '../../../../tools/test/test-database';
import { generateKeyPairSync } from 'node:crypto';
import { loadWorkerConfig } from '../../src/worker-config';

export const TEST_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
import { WorkerModule } from '../../src/worker.module';

export interface RunningWorker {
  app: INestApplicationContext;
  db: TestDatabase;
  close(): Promise<void>;
}

/** The real worker module on a fresh, migrated database, with the queue backend of `redisUrl` (or PostgreSQL). */
export async function runWorker(redisUrl?: string): Promise<RunningWorker> {
  const db = await createTestDatabase();
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  await runMigrationsLocked(ds);
  await ds.destroy();
  const config = loadWorkerConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: db.url,
    SIGNING_KEY: TEST_SIGNING_KEY,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await app.init();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export async function waitForJobRun(url: string, jobName: string, timeoutMs = 20000): Promise<{ job_name: string; result: Record<string, number> }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = await withClient(url, (c) => c.query('SELECT job_name, result FROM job_runs WHERE job_name = $1', [jobName]));
    if (rows.rowCount) return rows.rows[0];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no job run for ${jobName} within ${timeoutMs} ms`);
}
