import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { chooseQueueBackend, NOTIFICATION_JOBS, QUEUE_NAMES } from '@schakel/platform';
import { createTestDatabase, withClient, type TestDatabase } from '../../../tools/test/test-database';
import { auth } from '../../api/test/support/sessions';
import { TEST_ADMIN, testSecrets, type HttpTarget } from '../../api/test/support/test-app';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { NIGHTLY_HOUSEKEEPING } from '../src/housekeeping/housekeeping.scheduler';
import { API_MAIN, freePort, startService, stopService, waitForApi, waitForWorker, WORKER_MAIN, type ChildService } from './support/processes';

const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Per client address and minute on /auth/login; building the world signs in 8 times from 127.0.0.1. */
const AUTH_LIMIT = 15;

/**
 * Issue 11: two API processes and two worker processes — separate OS processes, as deployed — on one
 * PostgreSQL database and one Redis. A run-unique QUEUE_PREFIX keeps this deployment's queues and
 * rate-limit counters apart from other suites sharing the Redis, which is the variable's purpose.
 * The processes run the TypeScript sources through tools/test/ts-register.cjs (no build needed).
 */
describe('two API processes and two worker processes on one PostgreSQL and Redis', () => {
  const prefix = `schakel-replicas-${randomBytes(4).toString('hex')}`;
  const services: ChildService[] = [];
  const apis: { name: string; url: string; http: HttpTarget['http'] }[] = [];
  let db: TestDatabase;
  let w: World;
  let queues: Record<'housekeeping' | 'notifications', Queue>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'schakel-replicas-')),
      WEB_DIST_DIR: join(tmpdir(), 'schakel-no-web'),
      ...testSecrets(),
      ADMIN_EMAIL: TEST_ADMIN.email,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      REDIS_URL: REDIS,
      QUEUE_PREFIX: prefix,
      AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
      // The test's requests come over loopback; X-Forwarded-For then names the client address.
      TRUST_PROXY: 'loopback',
    };
    // Both APIs start together on the empty database: migrations and the first administrator are
    // serialised between them (advisory lock, table lock), as when two replicas roll out at once.
    const ports = [await freePort(), await freePort()];
    for (const [i, name] of ['api-a', 'api-b'].entries()) {
      services.push(startService(name, API_MAIN, { ...env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(ports[i]) }));
      const url = `http://127.0.0.1:${ports[i]}`;
      apis.push({ name, url, http: () => request(url) });
    }
    await Promise.all(apis.map((a, i) => waitForApi(services[i]!, a.url)));
    for (const name of ['worker-1', 'worker-2']) services.push(startService(name, WORKER_MAIN, { ...env, LOG_LEVEL: 'info' }));
    await Promise.all(services.slice(2).map((s) => waitForWorker(s)));

    const backend = chooseQueueBackend(REDIS, db.url, prefix);
    const queue = (name: string) => new Queue(name, { connection: backend.connection as never, prefix });
    queues = { housekeeping: queue(QUEUE_NAMES.housekeeping), notifications: queue(QUEUE_NAMES.notifications) };
    w = await buildWorld(apis[0]!);
  }, 300_000);

  afterAll(async () => {
    // Every child is stopped, also when a test or beforeAll failed (a whole process group each).
    await Promise.all(services.map((s) => stopService(s)));
    if (queues) {
      for (const q of Object.values(queues)) {
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
    }
    const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect().catch(() => undefined);
    const keys = await redis.keys(`${prefix}:*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys).catch(() => undefined);
    redis.disconnect();
    await db?.drop();
  }, 60_000);

  it('keeps one unbroken sharing log under concurrent disclosures through both APIs', async () => {
    const [a, b] = apis as [(typeof apis)[0], (typeof apis)[0]];
    // Four cases, so the disclosures do not queue behind one case's row lock: only the log's own
    // serialisation keeps the chain whole.
    const contributions: { caseId: string; id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const [x, y] = i % 2 ? [a, b] : [b, a];
      const r = await x.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
      const caseId = r.body.caseId as string;
      await y.http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
      await x.http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
      const c = await y
        .http()
        .post(`/api/v1/cases/${caseId}/contributions`)
        .set(auth(w.cawMember.token))
        .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested.' })
        .expect(201);
      contributions.push({ caseId, id: c.body.id });
    }
    const disclose = (api: typeof a, c: { caseId: string; id: string }) =>
      api
        .http()
        .post(`/api/v1/cases/${c.caseId}/contributions/${c.id}/disclosures`)
        .set(auth(w.cawMember.token))
        .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Needed to plan the safety of the children' })
        .then((res) => ({ via: api.name, status: res.status, seq: Number(res.body.seq) }));
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => disclose(i % 2 ? a : b, contributions[i % 4]!)));
    expect(results.map((x) => x.status)).toEqual(Array(16).fill(201));
    // Each API wrote entries, every answer names a different position, and the positions have no gap.
    const seqs = results.map((x) => x.seq).sort((x, y) => x - y);
    expect(new Set(results.filter((x) => x.via === 'api-a').map((x) => x.seq)).size).toBe(8);
    expect(new Set(results.filter((x) => x.via === 'api-b').map((x) => x.seq)).size).toBe(8);
    expect(new Set(seqs).size).toBe(16);
    const stored = (await withClient(db.url, (cl) => cl.query('SELECT seq FROM sharing_log ORDER BY seq'))).rows.map((x) => Number(x.seq));
    expect(stored).toEqual(stored.map((_, i) => stored[0]! + i));
    expect(stored).toEqual(expect.arrayContaining(seqs));
    for (const api of [a, b]) {
      const verify = await api.http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200);
      expect(verify.body).toMatchObject({ valid: true, entries: stored.length });
    }
  });

  it('runs each scheduled job once although both workers schedule it', async () => {
    // Both workers upserted the nightly housekeeping and the daily notification scan: one scheduler each.
    const schedulers = async (q: Queue) => (await q.getJobSchedulers()).map((s) => s.key);
    expect(await schedulers(queues.housekeeping)).toEqual([NIGHTLY_HOUSEKEEPING]);
    expect(await schedulers(queues.notifications)).toEqual([NOTIFICATION_JOBS.scan]);

    // Bring tonight's runs forward: each is taken by exactly one of the two workers.
    for (const [q, name] of [
      [queues.housekeeping, NIGHTLY_HOUSEKEEPING],
      [queues.notifications, NOTIFICATION_JOBS.scan],
    ] as const) {
      const next = (await q.getDelayed()).filter((j) => j.name === name);
      expect(next).toHaveLength(1);
      await next[0]!.promote();
    }
    const completed = async (q: Queue, name: string) => (await q.getCompleted()).filter((j) => j.name === name);
    const nightlyRuns = () =>
      withClient(db.url, (cl) => cl.query(`SELECT job_id FROM job_runs WHERE job_name = $1`, [NIGHTLY_HOUSEKEEPING])).then((x) => x.rows);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && ((await nightlyRuns()).length < 1 || (await completed(queues.notifications, NOTIFICATION_JOBS.scan)).length < 1))
      await sleep(200);
    await sleep(1500); // a second run would show up by now

    expect(await nightlyRuns()).toHaveLength(1);
    expect(await completed(queues.housekeeping, NIGHTLY_HOUSEKEEPING)).toHaveLength(1);
    expect(await completed(queues.notifications, NOTIFICATION_JOBS.scan)).toHaveLength(1);

    // A frequent schedule, registered from two replicas at once: every tick runs once, on one worker.
    // (Starting a moment later, so neither upsert lands after a first tick and restarts the count.)
    const template = { name: 'replica-housekeeping', data: {} };
    const repeat = { every: 700, limit: 3, startDate: Date.now() + 1000 };
    await Promise.all(
      [queues.housekeeping, new Queue(QUEUE_NAMES.housekeeping, { connection: queues.housekeeping.opts.connection, prefix })].map(async (q, i) => {
        await q.upsertJobScheduler('replica-check', repeat, template);
        if (i === 1) await q.close();
      }),
    );
    const replicaRuns = () => withClient(db.url, (cl) => cl.query(`SELECT job_id FROM job_runs WHERE job_name = 'replica-housekeeping'`)).then((x) => x.rows);
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await replicaRuns()).length < 3) await sleep(200);
    await sleep(1500);
    const rows = await replicaRuns();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((x) => x.job_id)).size).toBe(3);
  });

  it('shares the per-address sign-in limit between the two APIs', async () => {
    const [a, b] = apis as [(typeof apis)[0], (typeof apis)[0]];
    const attempt = (api: typeof a, address: string) =>
      api
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email: `nobody-${randomBytes(3).toString('hex')}@test.schakel.be`, password: 'wrong-password-for-tests' });
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_LIMIT; i++) statuses.push((await attempt(i % 2 ? b : a, '203.0.113.7')).status);
    expect(statuses).toEqual(Array(AUTH_LIMIT).fill(401));
    // Over the limit on whichever API is asked next: the count lives in the shared Redis.
    for (const api of [a, b]) {
      const res = await attempt(api, '203.0.113.7');
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Another client address is not affected.
    expect((await attempt(b, '203.0.113.8')).status).toBe(401);
  });
});
