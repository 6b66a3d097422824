import type { Pool } from 'pg';
import type { LogSigner } from '@schakel/platform';
import { clearExpiredLockouts, purgeRefreshTokens } from '../../../api/src/modules/identity/identity.housekeeping';
import { pruneJobRuns } from '../../../api/src/modules/jobs/job-runs';
import { checkpointSharingLog } from './checkpoint.task';
import { anonymiseExpiredCases } from './retention.task';

export interface HousekeepingResult {
  [task: string]: number;
}

/**
 * Nightly clean-up of data that must not outlive its use. The worker only orchestrates: each task is
 * the owning module's function (apps/api …/identity.housekeeping.ts, jobs/job-runs.ts, the retention
 * files, the sharing-log checkpoint of libs/platform) and reports how many rows it touched; the run
 * is recorded in job_runs.
 */
export async function runHousekeeping(pool: Pool, signer: LogSigner): Promise<HousekeepingResult> {
  return {
    casesAnonymised: await anonymiseExpiredCases(pool),
    sharingLogCheckpointSeq: await checkpointSharingLog(pool, signer),
    refreshTokensPurged: await purgeRefreshTokens(pool),
    expiredLockoutsCleared: await clearExpiredLockouts(pool),
    jobRunsPruned: await pruneJobRuns(pool),
  };
}
