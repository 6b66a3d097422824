import { startTestApp, type TestApp } from './support/test-app';

describe('readiness when Redis is configured but unreachable', () => {
  let t: TestApp;
  // Port 1 on loopback: nothing listens there, so every connection is refused.
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('still serves liveness', async () => {
    await t.http().get('/api/health').expect(200, { status: 'ok' });
  });

  it('answers 503 and says the queue backend is down and why', async () => {
    const res = await t.http().get('/api/health/ready').expect(503);
    expect(res.body.status).toBe('unavailable');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.queue).toMatchObject({ status: 'down', backend: 'redis' });
    expect(res.body.checks.queue.detail).toEqual(expect.any(String));
  });
});
