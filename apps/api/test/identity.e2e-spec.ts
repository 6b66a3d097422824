import { withClient } from '../../../tools/test/test-database';
import { adminSession, auth, createAgency, createUser, signIn, totpCode, type Session } from './support/sessions';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

describe('identity: login, MFA, sessions and lockout', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    admin = await adminSession(t);
    agencyId = (await createAgency(t, admin, { type: 'POLICE' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the first administrator from ADMIN_EMAIL and makes them enrol MFA before anything else', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password }).expect(200);
    // MFA is now enrolled (adminSession did it), so the password step asks for the code.
    expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
  });

  it('blocks a role that must use MFA from everything but enrolment until it has enrolled', async () => {
    const u = await createUser(t, admin, agencyId, ['case_director']);
    const login = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    const token = login.body.accessToken as string;
    const me = await t.http().get('/api/v1/me').set(auth(token)).expect(200);
    expect(me.body.mfaEnrollmentRequired).toBe(true);
    const blocked = await t.http().get('/api/v1/agencies').set(auth(token)).expect(403);
    expect(blocked.body.code).toBe('MFA_ENROLLMENT_REQUIRED');

    const enrol = await t.http().post('/api/v1/me/mfa/enroll').set(auth(token)).send({}).expect(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Schakel:/);
    await t.http().post('/api/v1/me/mfa/confirm').set(auth(token)).send({ code: '000000' }).expect(422);
    await t
      .http()
      .post('/api/v1/me/mfa/confirm')
      .set(auth(token))
      .send({ code: totpCode(enrol.body.secret) })
      .expect(200, { mfaEnabled: true });
    await t.http().get('/api/v1/agencies').set(auth(token)).expect(200);

    // Next login: the second step, and a code is accepted only once.
    const step1 = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    expect(step1.body.mfaRequired).toBe(true);
    await t.http().post('/api/v1/auth/mfa').send({ mfaToken: step1.body.mfaToken, code: '123456' }).expect(401);
    const code = totpCode(enrol.body.secret, 1);
    const ok = await t.http().post('/api/v1/auth/mfa').send({ mfaToken: step1.body.mfaToken, code }).expect(200);
    expect(ok.body).toEqual({ accessToken: expect.any(String), expiresIn: 900 });
    const again = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    await t.http().post('/api/v1/auth/mfa').send({ mfaToken: again.body.mfaToken, code }).expect(401);
  });

  it('returns the packed CASL rules on /me', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    const me = await t.http().get('/api/v1/me').set(auth(s.token)).expect(200);
    expect(me.body).toMatchObject({
      id: u.id,
      email: u.email,
      roles: ['agency_member'],
      agency: { id: agencyId, type: 'POLICE' },
      mfaEnrollmentRequired: false,
    });
    expect(Array.isArray(me.body.permissions)).toBe(true);
    expect(JSON.stringify(me.body.permissions)).toContain('Case');
  });

  it('answers an unknown email and a wrong password the same way', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'nobody@nowhere.be', password: 'whatever-password' }).expect(401);
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: 'wrong-password!!' }).expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    for (let i = 0; i < 3; i++) await t.http().post('/api/v1/auth/login').send({ email: u.email, password: 'wrong-password!!' }).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(401);
    const events = await withClient(t.db.url, (c) => c.query('SELECT event FROM login_audit WHERE user_id = $1 ORDER BY id', [u.id]));
    expect(events.rows.map((r) => r.event)).toEqual(expect.arrayContaining(['LOGIN_FAILED', 'ACCOUNT_LOCKED']));
    const view = await t.http().get(`/api/v1/users/${u.id}`).set(auth(admin.token)).expect(200);
    expect(view.body.lockedUntil).toEqual(expect.any(String));
  });

  it('rotates refresh tokens and kills the whole session when a rotated one is reused', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const login = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    const first = cookieOf(login.headers['set-cookie']);
    expect(login.headers['set-cookie']![0]).toMatch(/HttpOnly/i);
    expect(login.headers['set-cookie']![0]).toMatch(/SameSite=Strict/i);

    const r1 = await t.http().post('/api/v1/auth/refresh').set('Cookie', first).send({}).expect(200);
    const second = cookieOf(r1.headers['set-cookie']);
    expect(second).not.toEqual(first);
    // The stolen first token comes back: refused, and the legitimate second one dies with it.
    const reuse = await t.http().post('/api/v1/auth/refresh').set('Cookie', first).send({}).expect(401);
    expect(reuse.body.code).toBe('SESSION_REVOKED');
    await t.http().post('/api/v1/auth/refresh').set('Cookie', second).send({}).expect(401);
    const events = await withClient(t.db.url, (c) =>
      c.query(`SELECT count(*)::int AS n FROM login_audit WHERE user_id = $1 AND event = 'REFRESH_TOKEN_REUSED'`, [u.id]),
    );
    expect(events.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('revokes the session on logout', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const login = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    const cookie = cookieOf(login.headers['set-cookie']);
    await t.http().post('/api/v1/auth/logout').set(auth(login.body.accessToken)).set('Cookie', cookie).send({}).expect(204);
    await t.http().post('/api/v1/auth/refresh').set('Cookie', cookie).send({}).expect(401);
  });

  it('stops a deactivated user at once: login and existing tokens', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    const view = await t.http().get(`/api/v1/users/${u.id}`).set(auth(admin.token)).expect(200);
    await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ active: false, version: view.body.version }).expect(200);
    await t.http().get('/api/v1/me').set(auth(s.token)).expect(401);
    await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(401);
    await t.http().post('/api/v1/auth/refresh').set('Cookie', s.cookie!.split(';')[0]!).send({}).expect(401);
  });

  it('lets users change their own language and password (with the current one)', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    await t.http().patch('/api/v1/me').set(auth(s.token)).send({ locale: 'fr' }).expect(200);
    const wrong = await t.http().patch('/api/v1/me').set(auth(s.token)).send({ currentPassword: 'not-it', newPassword: 'a-brand-new-password' }).expect(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    await t.http().patch('/api/v1/me').set(auth(s.token)).send({ currentPassword: u.password, newPassword: 'a-brand-new-password' }).expect(200);
    await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(401);
    const again = await signIn(t, u.email, 'a-brand-new-password');
    const me = await t.http().get('/api/v1/me').set(auth(again.token)).expect(200);
    expect(me.body.locale).toBe('fr');
    await t
      .http()
      .patch('/api/v1/me')
      .set(auth(again.token))
      .send({ roles: ['admin'] })
      .expect(400);
  });

  it('refuses a stale version with 409 STALE_VERSION', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ displayName: 'A', version: 1 }).expect(200);
    const stale = await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ displayName: 'B', version: 1 }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    // api.md's `PATCH { active: false }`: without a version the change applies to the current one.
    const off = await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ active: false }).expect(200);
    expect(off.body.active).toBe(false);
  });

  it('rejects unknown and invalid fields with 400 and details, on bodies and queries', async () => {
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'a@b.be', password: 'x', extra: 1 }).expect(400);
    expect(unknown.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'extra' })]));
    const bad = await t.http().post('/api/v1/agencies').set(auth(admin.token)).send({ name: 'X', type: 'BAKERY', district: 'A' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['district', 'name', 'type']);
    await t.http().post('/api/v1/me/mfa/enroll').set(auth(admin.token)).send({ sneaky: true }).expect(400);
    await t.http().get('/api/v1/users?limit=5000').set(auth(admin.token)).expect(400);
    await t.http().get('/api/v1/users?colour=red').set(auth(admin.token)).expect(400);
  });

  it('keeps passwords and secrets out of the API and the audit', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const res = await t.http().get(`/api/v1/users/${u.id}`).set(auth(admin.token)).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon|mfaSecret/i);
    const audit = await withClient(t.db.url, (c) => c.query('SELECT detail::text AS d FROM login_audit'));
    for (const row of audit.rows) expect(row.d).not.toContain(u.password);
  });

  it('shows the login audit to the DPO only', async () => {
    const d = await createUser(t, admin, agencyId, ['dpo']);
    const dpo = await signIn(t, d.email, d.password);
    const res = await t.http().get('/api/v1/login-audit').set(auth(dpo.token)).expect(200);
    expect(res.body.items.map((i: { event: string }) => i.event)).toEqual(expect.arrayContaining(['LOGIN_SUCCEEDED', 'MFA_ENROLLED', 'ROLES_CHANGED']));
    await t.http().get('/api/v1/login-audit').set(auth(admin.token)).expect(403);
  });
});

function cookieOf(setCookie: string[] | string | undefined): string {
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return first!.split(';')[0]!;
}
