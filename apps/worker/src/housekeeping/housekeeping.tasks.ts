import type { Pool } from 'pg';
import type { LogSigner } from '@schakel/platform';
import { checkpointSharingLog } from './checkpoint.task';
import { anonymiseExpiredCases } from './retention.task';

export interface HousekeepingResult { [task: string]: number }

/**
 * Nightly clean-up of data that must not outlive its use. Each task is one statement and
 * reports how many rows it touched; the run is recorded in job_runs.
 */
export async function runHousekeeping(pool: Pool, signer: LogSigner): Promise<HousekeepingResult> {
  const result: HousekeepingResult = {
    casesAnonymised: await anonymiseExpiredCases(pool),
    sharingLogCheckpointSeq: await checkpointSharingLog(pool, signer),
  };
  const tasks: [string, string][] = [
    // Refresh tokens are useless a day after expiry or revocation; their families are in login_audit.
    ['refreshTokensPurged', `DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day'`],
    // A lockout that has run out is cleared so the counter starts afresh.
    ['expiredLockoutsCleared', `UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE locked_until < now()`],
    // Job history older than 90 days is operational noise, not evidence.
    ['jobRunsPruned', `DELETE FROM job_runs WHERE finished_at < now() - interval '90 days'`],
  ];
  for (const [name, sql] of tasks) {
    const r = await pool.query(sql);
    result[name] = r.rowCount ?? 0;
  }
  return result;
}
