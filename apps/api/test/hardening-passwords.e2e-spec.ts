import { adminSession, auth, createAgency, createUser, signIn, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue 11, fourth group: passwords estimated for strength, two-factor by default in production. */
describe('hardening: password strength (422 WEAK_PASSWORD)', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    admin = await adminSession(t);
    agencyId = (await createAgency(t, admin, { type: 'CAW' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['aaaaaaaaaaaa', 'password1234', 'wachtwoord12'])('refuses %s for a new account, and creates nothing', async (password) => {
    const email = `weak-${password}@test.schakel.be`;
    const res = await t
      .http()
      .post('/api/v1/users')
      .set(auth(admin.token))
      .send({ email, displayName: 'Weak One', agencyId, roles: ['agency_member'], password })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ field: 'password' }] });
    const list = await t.http().get('/api/v1/users?limit=200').set(auth(admin.token)).expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).not.toContain(email);
  });

  it('refuses a weak new password on PATCH /me and on an administrator reset', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    const own = await t.http().patch('/api/v1/me').set(auth(s.token)).send({ currentPassword: u.password, newPassword: 'password1234' }).expect(422);
    expect(own.body).toMatchObject({ code: 'WEAK_PASSWORD', details: [{ field: 'newPassword' }] });
    const reset = await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ password: 'aaaaaaaaaaaa' }).expect(422);
    expect(reset.body.code).toBe('WEAK_PASSWORD');
    // The old password still works: nothing was written.
    await signIn(t, u.email, u.password);
  });

  it('accepts a passphrase', async () => {
    await t
      .http()
      .post('/api/v1/users')
      .set(auth(admin.token))
      .send({ email: 'strong@test.schakel.be', displayName: 'Strong One', agencyId, roles: ['agency_member'], password: 'Kwartel-Fietspomp-93-Zeebries' })
      .expect(201);
  });
});

describe('hardening: two-factor for every role that reads identities, in production', () => {
  it('makes a referrer and an agency member enrol TOTP before anything else', async () => {
    const t = await startTestApp({ NODE_ENV: 'production', AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    try {
      const admin = await adminSession(t);
      const agencyId = (await createAgency(t, admin, { type: 'POLICE' })).id;
      for (const role of ['referrer', 'agency_member'] as const) {
        const u = await createUser(t, admin, agencyId, [role]);
        const login = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
        const me = await t.http().get('/api/v1/me').set(auth(login.body.accessToken)).expect(200);
        expect(me.body.mfaEnrollmentRequired).toBe(true);
        const blocked = await t.http().get('/api/v1/cases').set(auth(login.body.accessToken)).expect(403);
        expect(blocked.body.code).toBe('MFA_ENROLLMENT_REQUIRED');
      }
    } finally {
      await t.close();
    }
  });
});
