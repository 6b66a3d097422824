import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NOTIFICATION_JOBS, QUEUE_NAMES } from '@schakel/platform';

/** The daily reminder scan at 07:00 Brussels time, before the working day starts (idempotent upsert). */
@Injectable()
export class NotificationsScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUE_NAMES.notifications) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      NOTIFICATION_JOBS.scan,
      { pattern: '0 7 * * *', tz: 'Europe/Brussels' },
      { name: NOTIFICATION_JOBS.scan, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } } },
    );
  }
}
