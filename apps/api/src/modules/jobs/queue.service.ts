import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { chooseQueueBackend, QUEUE_NAMES, type QueueName } from '@schakel/platform';
import { RuntimeConfig } from '../../config/runtime-config';

/**
 * Producer side of the job queues (processors live in apps/worker). Queues are created lazily so
 * an unreachable Redis never blocks start-up; readiness reports it instead.
 */
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly logger = new Logger('Queues');
  private readonly queues = new Map<QueueName, Queue>();
  private lastError: string | null = null;
  readonly backend: 'redis' | 'postgres';

  constructor(private readonly config: RuntimeConfig) {
    this.backend = config.env.REDIS_URL ? 'redis' : 'postgres';
  }

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      const choice = chooseQueueBackend(this.config.env.REDIS_URL, this.config.databaseUrl, this.config.env.QUEUE_PREFIX);
      const opts = { connection: choice.connection as never, prefix: choice.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS };
      q = choice.factory ? new Queue(name, opts, choice.factory as never) : new Queue(name, opts);
      q.on('error', (err: Error) => {
        // Logged once per distinct failure, not per reconnect attempt.
        if (this.lastError !== err.message) this.logger.warn(`queue ${name} backend error: ${err.message}`);
        this.lastError = err.message;
      });
      this.queues.set(name, q);
    }
    return q;
  }

  /** Resolves when the backend answers a real query within `timeoutMs`; rejects with the reason. */
  async ping(timeoutMs = 1500): Promise<void> {
    const q = this.queue(QUEUE_NAMES.housekeeping);
    await withTimeout(q.getJobCounts('waiting'), timeoutMs, `${this.backend} queue backend did not answer within ${timeoutMs} ms`);
  }

  async onModuleDestroy(): Promise<void> {
    // A backend that is down would keep a graceful close waiting: give it a moment, then cut the connection.
    await Promise.allSettled(
      [...this.queues.values()].map((q) =>
        withTimeout(q.close(), 2000, 'queue close timed out').catch(() => withTimeout(q.disconnect(), 1000, 'queue disconnect timed out')),
      ),
    );
  }
}

export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: 5000,
};

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(message)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}
