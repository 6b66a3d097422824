import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { QUEUE_NAMES } from '@schakel/platform';
import { withClient } from '../../../tools/test/test-database';
import { loadWorkerConfig } from '../src/worker-config';
import { WorkerModule } from '../src/worker.module';
import { auth } from '../../api/test/support/sessions';
import { startTestApp, type TestApp } from '../../api/test/support/test-app';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';

const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Issue 11: two API replicas and two workers on one PostgreSQL and one Redis. A run-unique
 * QUEUE_PREFIX keeps this deployment's queues and rate-limit counters apart from other suites
 * sharing the Redis, which is the variable's purpose.
 */
describe('two replicas on one PostgreSQL and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const workers: INestApplicationContext[] = [];
  let w: World;
  const prefix = `schakel-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL: REDIS, QUEUE_PREFIX: prefix, AUTH_RATE_LIMIT_PER_MINUTE: '10000', CHECKPOINT_EVERY: '3' });
    // Replica B: same database, secrets, Redis and prefix.
    b = await startTestApp({ ...a.env });
    for (let i = 0; i < 2; i++) {
      const config = loadWorkerConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: a.env.DATABASE_URL!, SIGNING_KEY: a.env.SIGNING_KEY!, REDIS_URL: REDIS, QUEUE_PREFIX: prefix });
      const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
      await app.init();
      workers.push(app);
    }
    w = await buildWorld(a);
  }, 180_000);
  afterAll(async () => {
    for (const app of workers) await app.close();
    await b.close();
    await a.close();
  });

  it('keeps one unbroken sharing log under concurrent disclosures through both replicas', async () => {
    const r = await a.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    const caseId = r.body.caseId as string;
    await b.http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await a.http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const c = await b.http().post(`/api/v1/cases/${caseId}/contributions`).set(auth(w.cawMember.token)).send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested.' }).expect(201);
    const disclose = (t: TestApp) => t.http().post(`/api/v1/cases/${caseId}/contributions/${c.body.id}/disclosures`).set(auth(w.cawMember.token))
      .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Needed to plan the safety of the children' });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => disclose(i % 2 ? a : b)));
    expect(results.map((res) => res.status)).toEqual(Array(12).fill(201));
    const verify = await b.http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
    expect(verify.body.entries).toBeGreaterThanOrEqual(12);
    const seqs = (await withClient(a.db.url, (cl) => cl.query('SELECT seq FROM sharing_log ORDER BY seq'))).rows.map((x) => Number(x.seq));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });

  it('runs each scheduled job once although both workers schedule it', async () => {
    const [q1, q2] = workers.map((app) => app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping)));
    const template = { name: 'replica-housekeeping', data: {} };
    await Promise.all([q1!, q2!].map((q) => q.upsertJobScheduler('replica-check', { every: 700, limit: 3 }, template)));
    const deadline = Date.now() + 20_000;
    let runs = 0;
    while (Date.now() < deadline) {
      runs = (await withClient(a.db.url, (cl) => cl.query(`SELECT count(*)::int AS n FROM job_runs WHERE job_name = 'replica-housekeeping'`))).rows[0].n;
      if (runs >= 3) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    await new Promise((res) => setTimeout(res, 1500)); // a duplicate would show up by now
    const rows = (await withClient(a.db.url, (cl) => cl.query(`SELECT job_id FROM job_runs WHERE job_name = 'replica-housekeeping'`))).rows;
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((x) => x.job_id)).size).toBe(3);
  });

  it('shares the sign-in rate limit between the replicas', async () => {
    const limited = await startTestApp({ ...a.env, AUTH_RATE_LIMIT_PER_MINUTE: '4', QUEUE_PREFIX: `${prefix}-rl` });
    const other = await startTestApp({ ...limited.env });
    try {
      await new Promise((res) => setTimeout(res, 300));
      const attempt = (t: TestApp) => t.http().post('/api/v1/auth/login').send({ email: 'x@y.be', password: 'wrong-password' });
      const statuses: number[] = [];
      for (const t of [limited, other, limited, other, limited]) statuses.push((await attempt(t)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await other.close();
      await limited.close();
    }
  });
});
