import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from '@schakel/platform';

export const NIGHTLY_HOUSEKEEPING = 'nightly-housekeeping';

/** Registers the nightly job scheduler (idempotent: every worker replica upserts the same one). */
@Injectable()
export class HousekeepingScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Housekeeping');
  constructor(@InjectQueue(QUEUE_NAMES.housekeeping) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NIGHTLY_HOUSEKEEPING,
      { pattern: '0 3 * * *', tz: 'Europe/Brussels' },
      { name: NIGHTLY_HOUSEKEEPING, data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } } },
    );
    this.logger.log('nightly housekeeping scheduled at 03:00 Europe/Brussels');
  }
}
