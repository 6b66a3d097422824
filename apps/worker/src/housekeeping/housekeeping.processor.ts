import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Pool } from 'pg';
import { QUEUE_NAMES } from '@schakel/platform';
import { recordJobRun } from '../../../api/src/modules/jobs/job-runs';
import { PG_POOL } from '../database.provider';
import { runHousekeeping } from './housekeeping.tasks';
import { WorkerConfig } from '../worker-config';

@Processor(QUEUE_NAMES.housekeeping)
export class HousekeepingProcessor extends WorkerHost {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly config: WorkerConfig,
  ) {
    super();
  }

  async process(job: Job): Promise<Record<string, number>> {
    const started = new Date();
    const result = await runHousekeeping(this.pool, { origin: this.config.env.SHARING_LOG_ORIGIN, signingKey: this.config.signingKey });
    await recordJobRun(this.pool, { queue: QUEUE_NAMES.housekeeping, jobName: job.name, jobId: job.id ?? null, startedAt: started, result });
    this.logger.log(`housekeeping ${job.name} done: ${JSON.stringify(result)}`);
    return result;
  }
}
