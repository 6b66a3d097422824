import request from 'supertest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

const cursorOf = (k: string, id: string) => Buffer.from(JSON.stringify({ k, id })).toString('base64url');

/** Issue 11, first group: no input reaches a 5xx, and every error body is JSON with a `code`. */
describe('hardening: hostile and clumsy input', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  let victimId: string;
  const http = () => t.http();
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    victimId = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM').id;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['/api/v1/auth/login', false],
    ['/api/v1/referrals', true],
    ['/api/v1/agencies', true],
  ])('answers a 10 KB body nested 5,000 deep on %s with 400 VALIDATION_FAILED', async (path, authed) => {
    const body = `{"email":${deep(5000)}}`;
    expect(body.length).toBeGreaterThan(10_000);
    const req = http().post(path).set('Content-Type', 'application/json');
    if (authed) req.set(auth(w.admin.token));
    const res = await req.send(body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.accessToken).toBeUndefined();
  });

  it('still accepts ordinary nesting (a referral)', async () => {
    await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'An', lastName: 'Peeters' }] }))
      .expect(201);
  });

  it('refuses a NUL byte in a query, naming the field', async () => {
    const res = await http().get('/api/v1/cases?q=CO%00').set(auth(w.director.token)).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'q' }] });
  });

  it('refuses a NUL byte in a text field, naming the field, and stores nothing', async () => {
    const res = await http().patch('/api/v1/me').set(auth(w.cawMember.token)).send({ displayName: 'a\u0000b' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'displayName' }] });
    const me = await http().get('/api/v1/me').set(auth(w.cawMember.token)).expect(200);
    expect(me.body.displayName).not.toContain('\u0000');
  });

  it('refuses other control characters but keeps line breaks in free text', async () => {
    const bell = await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'ring\u0007' })
      .expect(400);
    expect(bell.body.details[0].field).toBe('content');
    await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'line one\nline two\ttabbed' })
      .expect(201);
  });

  it('refuses a NUL byte in the statistics district', async () => {
    const res = await http().get('/api/v1/statistics?district=Antw%00erpen').set(auth(w.dpo.token)).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'district' }] });
  });

  it.each([
    ['/api/v1/cases', cursorOf('2026-01-01T00:00:00.000Z', '99999999999999999999999')],
    ['/api/v1/sharing-log', cursorOf('', '99999999999999999999999')],
    ['/api/v1/access-log', cursorOf('', '99999999999999999999999')],
    ['/api/v1/cases', cursorOf('not a date', '00000000-0000-0000-0000-000000000000')],
    ['/api/v1/sharing-log', cursorOf('', '00000000-0000-0000-0000-000000000000')],
  ])('answers a cursor the API never issued on %s with 400', async (path, cursor) => {
    const res = await http()
      .get(`${path}?cursor=${cursor}`)
      .set(auth(path.endsWith('/cases') ? w.director.token : w.dpo.token));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses an impossible date (2026-02-30) as a notice informedAt instead of storing 2 March', async () => {
    const res = await http()
      .post(`/api/v1/cases/${caseId}/notices`)
      .set(auth(w.cawMember.token))
      .send({ personId: victimId, informedAt: '2026-02-30', method: 'IN_PERSON' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'informedAt' })] });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" as an unknown field', async (key) => {
    const body = `{"displayName":"Someone","${key}":{"roles":["admin"]}}`;
    const res = await http().patch('/api/v1/me').set(auth(w.cawMember.token)).set('Content-Type', 'application/json').send(body).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: key }] });
  });

  it('answers malformed JSON with MALFORMED_JSON and does not echo the body', async () => {
    const res = await http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email":"secret-person@x.be", "password": oops');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(JSON.stringify(res.body)).not.toContain('secret-person');
    expect(JSON.stringify(res.body)).not.toContain('oops');
  });

  it('answers a 40 KB URL with a JSON 431 carrying a code', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/cases?q=${'x'.repeat(40_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ statusCode: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('gives every error body a code (unknown route, missing token, forbidden)', async () => {
    for (const res of [
      await http().get('/api/v1/no-such-route').set(auth(w.dpo.token)),
      await http().get('/api/v1/cases'),
      await http().get('/api/v1/users').set(auth(w.cawMember.token)),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(typeof res.body.code).toBe('string');
    }
  });

  it('marks API answers Cache-Control: no-store', async () => {
    const res = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('hardening: 429 and API docs', () => {
  it('answers 429 with TOO_MANY_REQUESTS and Retry-After', async () => {
    const t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const attempt = () => request(t.app.getHttpServer()).post('/api/v1/auth/login').send({ email: 'x@y.be', password: 'wrong-password' });
      await attempt();
      await attempt();
      const limited = await attempt();
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('hides the OpenAPI UI and JSON in production unless API_DOCS is set', async () => {
    const prod = await startTestApp({ NODE_ENV: 'production' });
    try {
      await prod.http().get('/api/docs-json').expect(404);
      const ui = await prod.http().get('/api/docs');
      expect(ui.status).toBe(404);
    } finally {
      await prod.close();
    }
    const enabled = await startTestApp({ NODE_ENV: 'production', API_DOCS: 'true' });
    try {
      await enabled.http().get('/api/docs-json').expect(200);
    } finally {
      await enabled.close();
    }
  });
});
