import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { Pool } from 'pg';
import { todayInBrussels } from '@schakel/domain';
import { NOTIFICATION_JOBS, QUEUE_NAMES } from '@schakel/platform';
import { PG_POOL } from '../database.provider';
import { WorkerConfig } from '../worker-config';
import { smtpMailer, type Mailer } from './mailer';
import { sendNotificationMail } from './notification-mail.task';
import { scanNotifications } from '../../../api/src/modules/notifications/notification-scan';

/** Notification e-mail (one job per notification) and the daily reminder scan. */
@Processor(QUEUE_NAMES.notifications)
export class NotificationsProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly mailer: Mailer | null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly config: WorkerConfig,
    @InjectQueue(QUEUE_NAMES.notifications) private readonly queue: Queue,
  ) {
    super();
    this.mailer = config.env.SMTP_URL ? smtpMailer(config.env.SMTP_URL, config.env.SMTP_FROM) : null;
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === NOTIFICATION_JOBS.mail) {
      if (!this.mailer) return 'no-smtp';
      return sendNotificationMail(
        this.pool,
        this.mailer,
        this.config.env.PUBLIC_URL ?? 'http://localhost:3000',
        (job.data as { notificationId: string }).notificationId,
      );
    }
    if (job.name === NOTIFICATION_JOBS.scan) {
      const { counts, ids } = await scanNotifications(this.pool, todayInBrussels());
      if (this.mailer && ids.length) {
        await this.queue.addBulk(
          ids.map((id) => ({
            name: NOTIFICATION_JOBS.mail,
            data: { notificationId: id },
            opts: { jobId: `mail-${id}`, attempts: 5, backoff: { type: 'exponential', delay: 2000 } },
          })),
        );
      }
      // Counts only: which users or cases were notified stays out of the logs.
      this.logger.log(`notification scan: ${JSON.stringify(counts)}`);
      return counts;
    }
    return 'unknown-job';
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}
