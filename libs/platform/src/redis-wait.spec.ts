import { createServer } from 'node:net';
import { RedisUnavailableError, waitForRedis } from './redis-wait';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('waitForRedis', () => {
  it('retries with one line per try, then gives up with a one-line error', async () => {
    const lines: string[] = [];
    const port = await closedPort();
    const started = Date.now();
    const err = await waitForRedis(`redis://127.0.0.1:${port}`, 1200, (l) => lines.push(l)).catch((e) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    expect(err.message).toMatch(/did not answer within 1 s \(ECONNREFUSED\)/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of [...lines, err.message]) {
      expect(l).not.toContain('\n');
      expect(l).not.toMatch(/:\d+:\d+\)/);
    }
    expect(lines[0]).toMatch(/^waiting for Redis at 127\.0\.0\.1:\d+ \(ECONNREFUSED\); next try in 0\.5 s$/);
  });

  it('returns at once when Redis answers', async () => {
    const lines: string[] = [];
    await waitForRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', 2000, (l) => lines.push(l));
    expect(lines).toEqual([]);
  });
});
