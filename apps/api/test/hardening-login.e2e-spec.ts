import { withClient } from '../../../tools/test/test-database';
import { adminSession, auth, createAgency, createUser, signIn, totpCode, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const login = (t: TestApp, email: string, password: string, forwardedFor?: string) => {
  const req = t.http().post('/api/v1/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password });
};

/** Issue 11, third group: rate limits by real client address, and delays that never shut out the owner. */
describe('hardening: progressive delays instead of a lockout anyone can trigger', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', LOGIN_MAX_FAILURES: '3', LOGIN_DELAY_SECONDS: '30' });
    admin = await adminSession(t);
    agencyId = (await createAgency(t, admin, { type: 'POLICE' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('still signs the owner in with two factors while an attacker keeps failing the password', async () => {
    const u = await createUser(t, admin, agencyId, ['case_director']);
    const enrolled = await signIn(t, u.email, u.password);
    for (let i = 0; i < 6; i++) await login(t, u.email, 'guessed-by-attacker!').expect(401);
    const step1 = await login(t, u.email, u.password).expect(200);
    expect(step1.body.mfaRequired).toBe(true);
    const ok = await t
      .http()
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: step1.body.mfaToken, code: totpCode(enrolled.secret!, 1) })
      .expect(200);
    await t.http().get('/api/v1/me').set(auth(ok.body.accessToken)).expect(200);
    // Success clears the delay.
    const row = await withClient(t.db.url, (c) => c.query('SELECT failed_logins, locked_until FROM users WHERE id = $1', [u.id]));
    expect(row.rows[0]).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('delays a password-only account progressively: each failure after the delay doubles it', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    for (let i = 0; i < 3; i++) await login(t, u.email, 'wrong-password!!').expect(401);
    await login(t, u.email, u.password).expect(401);
    const delayOf = async () => {
      const r = await withClient(t.db.url, (c) => c.query(`SELECT extract(epoch FROM locked_until - now())::int AS s FROM users WHERE id = $1`, [u.id]));
      return r.rows[0].s as number;
    };
    const first = await delayOf();
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);
    // The delay has passed; one more failure waits twice as long.
    await withClient(t.db.url, (c) => c.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [u.id]));
    await login(t, u.email, 'wrong-password!!').expect(401);
    const second = await delayOf();
    expect(second).toBeGreaterThan(50);
    expect(second).toBeLessThanOrEqual(60);
    // And once it has passed, the right password works.
    await withClient(t.db.url, (c) => c.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [u.id]));
    await login(t, u.email, u.password).expect(200);
  });
});

describe('hardening: X-Forwarded-For is trusted only from configured proxies', () => {
  it('ignores X-Forwarded-For by default, so a client cannot pick its own rate-limit bucket', async () => {
    const t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.1').expect(401);
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.2').expect(401);
      const limited = await login(t, 'x@y.be', 'wrong-password', '203.0.113.3');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await t.close();
    }
  });

  it('counts per forwarded client address behind a configured proxy (TRUST_PROXY=loopback)', async () => {
    const t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    try {
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.1').expect(401);
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.1').expect(401);
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.1').expect(429);
      await login(t, 'x@y.be', 'wrong-password', '203.0.113.2').expect(401);
    } finally {
      await t.close();
    }
  });
});
