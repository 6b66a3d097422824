import type { FastifyReply } from 'fastify';
import { clearCookie, setCookie } from './cookies';

/** A reply that keeps its Set-Cookie headers, as Fastify's does. */
function reply() {
  const cookies: string[] = [];
  const r = { header: (name: string, value: string) => (name === 'set-cookie' && cookies.push(value), r) };
  return { reply: r as unknown as FastifyReply, cookies };
}

describe('cookies, as Express wrote them', () => {
  it('writes Max-Age in seconds and Expires, Path=/ unless given', () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 30, 12, 0, 0) });
    try {
      const { reply: r, cookies } = reply();
      setCookie(r, 'schakel_refresh', 'abc.def', { httpOnly: true, sameSite: 'strict', secure: true, path: '/api/v1/auth', maxAge: 7 * 86_400_000 });
      setCookie(r, 'schakel_session', '1', { sameSite: 'strict', maxAge: 1500 });
      expect(cookies).toEqual([
        'schakel_refresh=abc.def; Max-Age=604800; Path=/api/v1/auth; Expires=Mon, 07 Dec 2026 12:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
        'schakel_session=1; Max-Age=1; Path=/; Expires=Mon, 30 Nov 2026 12:00:01 GMT; SameSite=Strict',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('clears with an empty value expired at the epoch', () => {
    const { reply: r, cookies } = reply();
    clearCookie(r, 'schakel_oidc', { path: '/api/v1/auth/oidc' });
    expect(cookies).toEqual(['schakel_oidc=; Path=/api/v1/auth/oidc; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
  });
});
