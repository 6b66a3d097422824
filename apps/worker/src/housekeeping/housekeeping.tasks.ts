import type { Pool } from 'pg';

export interface HousekeepingResult { [task: string]: number }

/**
 * Nightly clean-up of data that must not outlive its use. Each task is one statement and
 * reports how many rows it touched; the run is recorded in job_runs.
 */
export async function runHousekeeping(pool: Pool): Promise<HousekeepingResult> {
  const result: HousekeepingResult = {};
  const tasks: [string, string][] = [
    // Job history older than 90 days is operational noise, not evidence.
    ['jobRunsPruned', `DELETE FROM job_runs WHERE finished_at < now() - interval '90 days'`],
  ];
  for (const [name, sql] of tasks) {
    const r = await pool.query(sql);
    result[name] = r.rowCount ?? 0;
  }
  return result;
}
