import { startTestApp, type TestApp } from './support/test-app';

describe('readiness on Redis (the production queue backend)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: process.env['TEST_REDIS_URL']! });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database and the Redis queue backend as up', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, queue: { status: 'up', backend: 'redis' } } });
  });
});
