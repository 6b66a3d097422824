import { Secret, TOTP } from 'otpauth';
import type { Role } from '@schakel/domain';
import { TEST_ADMIN, type HttpTarget } from './test-app';

export interface Session {
  id: string;
  email: string;
  password: string;
  token: string;
  agencyId: string;
  secret?: string;
  cookie?: string;
}

/** A TOTP code for the secret; `stepOffset` 1 gives the next 30-second step (the current one may be used already). */
export function totpCode(secret: string, stepOffset = 0): string {
  const totp = new TOTP({ issuer: 'Schakel', secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + stepOffset * 30_000 });
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
export { auth };

/** Signs in with the password (and TOTP when enrolled); enrols TOTP when the role requires it. */
export async function signIn(t: HttpTarget, email: string, password: string, secret?: string): Promise<Session> {
  const res = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  let token: string = res.body.accessToken;
  let cookie = res.headers['set-cookie']?.[0];
  if (res.body.mfaRequired) {
    if (!secret) throw new Error(`${email} has MFA enrolled but no secret was given`);
    const mfa = await t
      .http()
      .post('/api/v1/auth/mfa')
      .send({ mfaToken: res.body.mfaToken, code: totpCode(secret, 1) })
      .expect(200);
    token = mfa.body.accessToken;
    cookie = mfa.headers['set-cookie']?.[0];
  }
  const me = await t.http().get('/api/v1/me').set(auth(token)).expect(200);
  if (me.body.mfaEnrollmentRequired) {
    const enrol = await t.http().post('/api/v1/me/mfa/enroll').set(auth(token)).send({}).expect(200);
    secret = enrol.body.secret as string;
    await t
      .http()
      .post('/api/v1/me/mfa/confirm')
      .set(auth(token))
      .send({ code: totpCode(secret) })
      .expect(200);
  }
  return { id: me.body.id, email, password, token, agencyId: me.body.agency.id, secret, cookie };
}

export const adminSession = (t: HttpTarget) => signIn(t, TEST_ADMIN.email, TEST_ADMIN.password);

let counter = 0;
export async function createAgency(
  t: HttpTarget,
  admin: Session,
  over: Partial<{ name: string; type: string; district: string }> = {},
): Promise<{ id: string; name: string; type: string; district: string; version: number }> {
  const res = await t
    .http()
    .post('/api/v1/agencies')
    .set(auth(admin.token))
    .send({ name: `Agency ${++counter}`, type: 'CAW', district: 'Antwerpen', ...over })
    .expect(201);
  return res.body;
}

export async function createUser(
  t: HttpTarget,
  admin: Session,
  agencyId: string,
  roles: Role[],
  locale = 'nl',
): Promise<{ id: string; email: string; password: string }> {
  const email = `user${++counter}-${Date.now()}@test.schakel.be`;
  const password = `password-${counter}-long-enough`;
  const res = await t
    .http()
    .post('/api/v1/users')
    .set(auth(admin.token))
    .send({ email, displayName: `User ${counter}`, agencyId, roles, password, locale })
    .expect(201);
  return { id: res.body.id, email, password };
}

export async function userSession(t: HttpTarget, admin: Session, agencyId: string, roles: Role[]): Promise<Session> {
  const u = await createUser(t, admin, agencyId, roles);
  return signIn(t, u.email, u.password);
}
