import { createPostgresBackend, setDefaultBackendFactory, type BackendFactory } from 'bullmq';

export const QUEUE_NAMES = { housekeeping: 'housekeeping', notifications: 'notifications' } as const;

/** Job names on the notifications queue. */
export const NOTIFICATION_JOBS = { mail: 'notification-mail', scan: 'notification-scan' } as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

export interface QueueBackendChoice {
  kind: 'redis' | 'postgres';
  /** What BullMQ takes as `connection`: ioredis options for Redis, a pg pool config for PostgreSQL. */
  connection: unknown;
  /** Undefined for Redis (BullMQ's default); the PostgreSQL factory otherwise. */
  factory?: BackendFactory;
  /** BullMQ's key prefix (QUEUE_PREFIX), so deployments sharing a Redis never share a queue. */
  prefix: string;
}

/**
 * Redis when REDIS_URL is set (production); otherwise BullMQ 6's PostgreSQL backend in the
 * application's own database (schema `bullmq`), so a laptop needs no Redis.
 */
export function chooseQueueBackend(redisUrl: string | undefined, databaseUrl: string, prefix = 'schakel'): QueueBackendChoice {
  if (redisUrl) {
    const url = new URL(redisUrl);
    return {
      kind: 'redis',
      prefix,
      connection: {
        host: url.hostname,
        port: Number(url.port || 6379),
        username: url.username || undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
        tls: url.protocol === 'rediss:' ? {} : undefined,
        maxRetriesPerRequest: null,
        // Keep reconnecting, but never faster than every 2 s: an outage must not spin the CPU.
        retryStrategy: (times: number) => Math.min(times * 200, 2000),
      },
    };
  }
  return {
    kind: 'postgres',
    prefix,
    connection: { connectionString: databaseUrl, migrate: true, max: 4 },
    factory: createPostgresBackend as unknown as BackendFactory,
  };
}

/** @nestjs/bullmq has no backend option; BullMQ's process-wide default is how it picks PostgreSQL. */
export function installDefaultQueueBackend(choice: QueueBackendChoice): void {
  if (choice.factory) setDefaultBackendFactory(choice.factory);
}
