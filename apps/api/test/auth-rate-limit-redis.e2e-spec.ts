import Redis from 'ioredis';
import { startTestApp, type TestApp } from './support/test-app';

describe('rate limit shared by API replicas through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // A fresh Redis database number per run would be cleaner; flushing our own keys is enough here.
    const redis = new Redis(process.env['TEST_REDIS_URL']!);
    const keys = await redis.keys('schakel:ratelimit:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    const env = { AUTH_RATE_LIMIT_PER_MINUTE: '4', REDIS_URL: process.env['TEST_REDIS_URL']! };
    a = await startTestApp(env);
    b = await startTestApp(env);
    await new Promise((r) => setTimeout(r, 300)); // let both connect to Redis
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('counts attempts against either replica together', async () => {
    const attempt = (t: TestApp) => t.http().post('/api/v1/auth/login').send({ email: 'x@y.be', password: 'wrong-password' });
    const statuses = [];
    for (const t of [a, b, a, b, a]) statuses.push((await attempt(t)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await attempt(b)).status).toBe(429);
  });
});
