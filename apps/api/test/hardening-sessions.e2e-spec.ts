import { withClient } from '../../../tools/test/test-database';
import { adminSession, auth, createAgency, createUser, signIn, totpCode, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { amr: string[]; sv?: number };
const cookieOf = (setCookie: string[] | string | undefined) => (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;

/** Issue 11, second group: sessions that end. */
describe('hardening: sessions that end', () => {
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

  it('refuses the access token at once after logout', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    const otherDevice = await signIn(t, u.email, u.password);
    await t.http().get('/api/v1/me').set(auth(s.token)).expect(200);
    await t.http().post('/api/v1/auth/logout').set(auth(s.token)).set('Cookie', cookieOf(s.cookie)).send({}).expect(204);
    const after = await t.http().get('/api/v1/me').set(auth(s.token)).expect(401);
    expect(after.body.code).toBe('SESSION_ENDED');
    // Only this session ended: the other device stays signed in.
    await t.http().get('/api/v1/me').set(auth(otherDevice.token)).expect(200);
    // A new sign-in works as before.
    const again = await signIn(t, u.email, u.password);
    await t.http().get('/api/v1/me').set(auth(again.token)).expect(200);
  });

  it('refuses the access token at once after deactivation and after an administrator resets the password', async () => {
    const u = await createUser(t, admin, agencyId, ['agency_member']);
    const s = await signIn(t, u.email, u.password);
    const view = await t.http().get(`/api/v1/users/${u.id}`).set(auth(admin.token)).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${u.id}`)
      .set(auth(admin.token))
      .send({ password: 'Kwartel-Fietspomp-93-Zeebries', version: view.body.version })
      .expect(200);
    await t.http().get('/api/v1/me').set(auth(s.token)).expect(401);
    const s2 = await signIn(t, u.email, 'Kwartel-Fietspomp-93-Zeebries');
    const v2 = await t.http().get(`/api/v1/users/${u.id}`).set(auth(admin.token)).expect(200);
    await t.http().patch(`/api/v1/users/${u.id}`).set(auth(admin.token)).send({ active: false, version: v2.body.version }).expect(200);
    await t.http().get('/api/v1/me').set(auth(s2.token)).expect(401);
  });

  it('redeems an MFA token once only, even with a fresh code', async () => {
    const u = await createUser(t, admin, agencyId, ['case_director']);
    const enrolled = await signIn(t, u.email, u.password);
    const step1 = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    await t
      .http()
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: step1.body.mfaToken, code: totpCode(enrolled.secret!, 1) })
      .expect(200);
    // As if the next 30-second step had come: the code itself would be acceptable again.
    await withClient(t.db.url, (c) => c.query('UPDATE users SET mfa_last_step = NULL WHERE id = $1', [u.id]));
    const replay = await t
      .http()
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: step1.body.mfaToken, code: totpCode(enrolled.secret!, 1) })
      .expect(401);
    expect(replay.body.code).toBe('MFA_TOKEN_INVALID');
  });

  it('keeps amr ["mfa"] on refreshed tokens of a two-factor session, and plain pwd for a password session', async () => {
    const u = await createUser(t, admin, agencyId, ['case_director']);
    const enrolled = await signIn(t, u.email, u.password);
    const step1 = await t.http().post('/api/v1/auth/login').send({ email: u.email, password: u.password }).expect(200);
    const mfa = await t
      .http()
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: step1.body.mfaToken, code: totpCode(enrolled.secret!, 1) })
      .expect(200);
    expect(claimsOf(mfa.body.accessToken).amr).toEqual(expect.arrayContaining(['mfa', 'otp', 'pwd']));
    const refreshed = await t.http().post('/api/v1/auth/refresh').set('Cookie', cookieOf(mfa.headers['set-cookie'])).send({}).expect(200);
    expect(claimsOf(refreshed.body.accessToken).amr).toEqual(expect.arrayContaining(['mfa']));
    await t.http().get('/api/v1/me').set(auth(refreshed.body.accessToken)).expect(200);

    const plain = await createUser(t, admin, agencyId, ['agency_member']);
    const login = await t.http().post('/api/v1/auth/login').send({ email: plain.email, password: plain.password }).expect(200);
    const r2 = await t.http().post('/api/v1/auth/refresh').set('Cookie', cookieOf(login.headers['set-cookie'])).send({}).expect(200);
    expect(claimsOf(r2.body.accessToken).amr).toEqual(['pwd']);
  });
});
