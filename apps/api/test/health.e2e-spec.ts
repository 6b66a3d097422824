import { startTestApp, type TestApp } from './support/test-app';

describe('health, docs and the error format', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness without authentication', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports the database and the PostgreSQL queue backend as ready', async () => {
    const res = await t.http().get('/api/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.database.status).toBe('up');
    expect(res.body.checks.queue).toMatchObject({ status: 'up', backend: 'postgres' });
  });

  it('exposes Prometheus metrics', async () => {
    await t.http().get('/api/health').expect(200);
    const res = await t.http().get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('schakel_http_requests_total');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/health');
    await t.http().get('/api/docs').expect(200).expect('Content-Type', /html/);
    const referral = json.body.paths['/api/v1/referrals'].post;
    expect(Object.keys(referral.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '422']));
    expect(json.body.components.schemas.CreateReferralDto.properties).toHaveProperty('persons');
  });

  it('answers unknown routes with the api.md error body', async () => {
    const res = await t.http().get('/api/v1/does-not-exist').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof res.body.message).toBe('string');
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers an oversized body with 413, not 500', async () => {
    const res = await t
      .http()
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(200_000) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":').expect(400);
    expect(res.body.statusCode).toBe(400);
  });
});
