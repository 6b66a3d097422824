import { startTestApp, type TestApp } from './support/test-app';

describe('rate limit on /auth/*', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 once a client exceeds the limit', async () => {
    const attempt = () => t.http().post('/api/v1/auth/login').send({ email: 'x@y.be', password: 'wrong-password' });
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.statusCode).toBe(429);
  });
});
