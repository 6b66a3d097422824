import type { CookieOptions, Response } from 'express';

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

export function setRefreshCookie(res: Response, value: string, secure: boolean, maxAgeDays: number): void {
  res.cookie(REFRESH_COOKIE, value, refreshCookieOptions(secure, maxAgeDays));
  res.cookie(SESSION_HINT_COOKIE, '1', { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge: maxAgeDays * 86_400_000 });
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/auth' });
  res.clearCookie(SESSION_HINT_COOKIE, { httpOnly: false, sameSite: 'strict', secure, path: '/' });
}
