import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { RuntimeConfig } from '../../../config/runtime-config';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

// One atomic step per hit: count within the window, and block for `blockDuration` once over the limit.
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

/**
 * Rate-limit counters shared by every API replica through Redis when REDIS_URL is set (otherwise,
 * and whenever Redis does not answer, in this process's memory: an outage must not lock out or
 * open up sign-in entirely).
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly memory = new ThrottlerStorageService();
  private readonly redis: Redis | null;
  private warned = false;
  private readonly prefix: string;

  constructor(config: RuntimeConfig) {
    // Under the deployment's QUEUE_PREFIX, like its queues: two deployments on one Redis count apart.
    this.prefix = `${config.env.QUEUE_PREFIX}:ratelimit`;
    this.redis = config.env.REDIS_URL
      ? new Redis(config.env.REDIS_URL, {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
          connectTimeout: 1000,
          retryStrategy: (n) => Math.min(n * 500, 5000),
        })
      : null;
    this.redis?.on('error', () => undefined);
    void this.redis?.connect().catch(() => undefined);
  }

  get backend(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.redis || this.redis.status !== 'ready') return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
    try {
      const base = `${this.prefix}:${throttlerName}:${key}`;
      const [hits, ttlMs, blockedMs] = (await this.redis.eval(HIT, 2, base, `${base}:blocked`, ttl, limit, blockDuration)) as [number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
        isBlocked: blockedMs > 0,
        timeToBlockExpire: Math.ceil(Math.max(blockedMs, 0) / 1000),
      };
    } catch (e) {
      if (!this.warned) this.logger.warn(`Redis rate-limit store unavailable (${(e as Error).name}); counting in memory`);
      this.warned = true;
      return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.memory.onApplicationShutdown();
    this.redis?.disconnect();
  }
}
