import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyHs256 } from './hs256';

const secret = 'a-test-secret-of-enough-length-for-hs256-0123456789';
const key = createSecretKey(Buffer.from(secret, 'utf8'));
const now = Math.floor(Date.now() / 1000);
const sign = (claims: object, options: jwt.SignOptions = {}) =>
  jwt.sign(claims, secret, { algorithm: 'HS256', audience: 'schakel-api', expiresIn: 60, ...options });
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const forge = (header: object, claims: object, k = secret) => {
  const head = `${b64(header)}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', k).update(head).digest('base64url')}`;
};

describe('verifyHs256 (the access-token check of the global guard)', () => {
  it('accepts a token jsonwebtoken signed, with its claims', () => {
    expect(verifyHs256(sign({ sub: 'u1', typ: 'access' }), key, 'schakel-api')).toMatchObject({ sub: 'u1', typ: 'access', aud: 'schakel-api' });
    expect(verifyHs256(sign({ sub: 'u1' }, { audience: ['other', 'schakel-api'] }), key, 'schakel-api')).toMatchObject({ sub: 'u1' });
  });

  it('refuses another key, another audience, an expired or not-yet-valid token', () => {
    expect(verifyHs256(jwt.sign({ sub: 'u1' }, 'another-secret', { audience: 'schakel-api', expiresIn: 60 }), key, 'schakel-api')).toBeNull();
    expect(verifyHs256(sign({ sub: 'u1' }, { audience: 'schakel-mfa' }), key, 'schakel-api')).toBeNull();
    expect(verifyHs256(forge({ alg: 'HS256' }, { sub: 'u1', aud: 'schakel-api', exp: now - 1 }), key, 'schakel-api')).toBeNull();
    expect(verifyHs256(forge({ alg: 'HS256' }, { sub: 'u1', aud: 'schakel-api', exp: now + 60, nbf: now + 30 }), key, 'schakel-api')).toBeNull();
    expect(verifyHs256(forge({ alg: 'HS256' }, { sub: 'u1', aud: 'schakel-api' }), key, 'schakel-api')).toBeNull();
  });

  it('refuses other algorithms, alg none, a tampered payload and malformed tokens', () => {
    expect(verifyHs256(forge({ alg: 'HS512' }, { sub: 'u1', aud: 'schakel-api', exp: now + 60 }), key, 'schakel-api')).toBeNull();
    const none = `${b64({ alg: 'none' })}.${b64({ sub: 'u1', aud: 'schakel-api', exp: now + 60 })}.`;
    expect(verifyHs256(none, key, 'schakel-api')).toBeNull();
    const [h, , s] = sign({ sub: 'u1' }).split('.');
    expect(verifyHs256(`${h}.${b64({ sub: 'admin', aud: 'schakel-api', exp: now + 60 })}.${s}`, key, 'schakel-api')).toBeNull();
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', '..', forge({ alg: 'HS256' }, { aud: 'schakel-api', exp: now + 60 }) + '.x']) {
      expect(verifyHs256(bad, key, 'schakel-api')).toBeNull();
    }
    expect(verifyHs256(forge({ alg: 'HS256' }, ['not', 'an', 'object']), key, 'schakel-api')).toBeNull();
  });
});
