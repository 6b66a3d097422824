import Redis from 'ioredis';

export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Waits until Redis answers PING, retrying with exponential backoff (0.5 s doubling to 5 s) and
 * reporting each failed try as one line (`log`), never a stack trace. Gives up after `timeoutMs`
 * with a RedisUnavailableError whose message is one line too.
 */
export async function waitForRedis(redisUrl: string, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const url = new URL(redisUrl);
  const where = `${url.hostname}:${url.port || 6379}`;
  const deadline = Date.now() + timeoutMs;
  let delay = 500;
  let lastReason = 'no answer';
  for (let attempt = 1; ; attempt++) {
    const client = new Redis(redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: Math.max(500, Math.min(5000, timeoutMs)),
    });
    let socketError: string | undefined;
    // The connection's own error names the cause (ECONNREFUSED, ENOTFOUND…); connect() only says "closed".
    client.on('error', (e: NodeJS.ErrnoException) => {
      socketError ??= e.code ?? e.name;
    });
    try {
      await client.connect();
      await client.ping();
      if (attempt > 1) log(`Redis at ${where} answers after ${attempt} tries`);
      return;
    } catch (e) {
      lastReason = socketError ?? (e as NodeJS.ErrnoException).code ?? (e as Error).name;
    } finally {
      client.disconnect();
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new RedisUnavailableError(
        `Redis at ${where} did not answer within ${Math.round(timeoutMs / 1000)} s (${lastReason}); giving up (WORKER_REDIS_WAIT_MS)`,
      );
    }
    const wait = Math.min(delay, left);
    log(`waiting for Redis at ${where} (${lastReason}); next try in ${(wait / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, wait));
    delay = Math.min(delay * 2, 5000);
  }
}
