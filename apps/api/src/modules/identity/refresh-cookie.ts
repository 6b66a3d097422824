import type { CookieOptions, Response } from 'express';

export const REFRESH_COOKIE = 'schakel_refresh';

/** httpOnly + SameSite=Strict, scoped to the auth routes: scripts never see it and no other route receives it. */
export function refreshCookieOptions(secure: boolean, maxAgeDays: number): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/auth', maxAge: maxAgeDays * 86_400_000 };
}

export function setRefreshCookie(res: Response, value: string, secure: boolean, maxAgeDays: number): void {
  res.cookie(REFRESH_COOKIE, value, refreshCookieOptions(secure, maxAgeDays));
}

export function clearRefreshCookie(res: Response, secure: boolean): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/auth' });
}
