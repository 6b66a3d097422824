import { rowsOf, type Sql } from '../../database/sql';

/**
 * `job_runs`, the history of the worker's jobs (the jobs module owns it; the worker only calls these).
 * A run holds counts only: which users or cases a job touched stays out of it.
 */
export interface JobRun {
  queue: string;
  jobName: string;
  jobId: string | null;
  startedAt: Date;
  result: Record<string, number>;
}

export async function recordJobRun(sql: Sql, run: JobRun): Promise<void> {
  await sql.query('INSERT INTO job_runs (queue, job_name, job_id, started_at, finished_at, result) VALUES ($1, $2, $3, $4, now(), $5)', [
    run.queue,
    run.jobName,
    run.jobId,
    run.startedAt,
    JSON.stringify(run.result),
  ]);
}

/** Job history older than 90 days is operational noise, not evidence. Returns how many runs went. */
export async function pruneJobRuns(sql: Sql): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    sql,
    `WITH d AS (DELETE FROM job_runs WHERE finished_at < now() - interval '90 days' RETURNING 1) SELECT count(*)::int AS n FROM d`,
  );
  return row?.n ?? 0;
}
