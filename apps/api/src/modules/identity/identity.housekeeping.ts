import { rowsOf, type Sql } from '../../database/sql';

/**
 * The identity module's part of the nightly housekeeping (the worker only orchestrates). Each is one
 * statement over a table of this module and returns how many rows it touched.
 */

/** Refresh tokens are useless a day after expiry or revocation; their families are in login_audit. */
export async function purgeRefreshTokens(sql: Sql): Promise<number> {
  return countOf(
    sql,
    `WITH d AS (DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day' RETURNING 1)
    SELECT count(*)::int AS n FROM d`,
  );
}

/** A lockout that has run out is cleared so the counter starts afresh. */
export async function clearExpiredLockouts(sql: Sql): Promise<number> {
  return countOf(
    sql,
    `WITH u AS (UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE locked_until < now() RETURNING 1)
    SELECT count(*)::int AS n FROM u`,
  );
}

/** Where and how to e-mail a staff member (a notification), or null when the account is gone. */
export async function mailRecipient(sql: Sql, userId: string): Promise<{ email: string; locale: string; active: boolean } | null> {
  const [u] = await rowsOf<{ email: string; locale: string; active: boolean }>(sql, 'SELECT email, locale, active FROM users WHERE id = $1', [userId]);
  return u ?? null;
}

async function countOf(sql: Sql, text: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(sql, text);
  return row?.n ?? 0;
}
