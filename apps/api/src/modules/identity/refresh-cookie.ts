import type { FastifyReply } from 'fastify';
import { clearCookie, type CookieOptions, setCookie } from '../../common/http/cookies';

export const REFRESH_COOKIE = 'schakel_refresh';
/**
 * A readable companion of the refresh cookie holding nothing but "1": it tells the SPA whether a
 * silent refresh can succeed, so an anonymous page load sends no refresh that fails with a 401.
 */
export const SESSION_HINT_COOKIE = 'schakel_session';

/** httpOnly + SameSite=Strict, scoped to the auth routes: scripts never see it and no other route receives it. */
export function refreshCookieOptions(secure: boolean, maxAgeDays: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/auth', maxAge: maxAgeDays * 86_400_000 };
}

export function setRefreshCookie(res: FastifyReply, value: string, secure: boolean, maxAgeDays: number): void {
  setCookie(res, REFRESH_COOKIE, value, refreshCookieOptions(secure, maxAgeDays));
  setCookie(res, SESSION_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge: maxAgeDays * 86_400_000 });
}

export function clearRefreshCookie(res: FastifyReply, secure: boolean): void {
  clearCookie(res, REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/auth' });
  clearCookie(res, SESSION_HINT_COOKIE, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
}
