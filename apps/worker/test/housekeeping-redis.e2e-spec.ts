import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from '@schakel/platform';
import { NIGHTLY_HOUSEKEEPING } from '../src/housekeeping/housekeeping.scheduler';
import { runWorker, waitForJobRun, type RunningWorker } from './support/run-worker';

describe('worker on Redis', () => {
  let w: RunningWorker;
  beforeAll(async () => {
    w = await runWorker(process.env['TEST_REDIS_URL']);
  });
  afterAll(async () => {
    await w.close();
  });

  it('registers the nightly housekeeping job scheduler', async () => {
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(NIGHTLY_HOUSEKEEPING);
    expect(schedulers.find((s) => s.key === NIGHTLY_HOUSEKEEPING)).toMatchObject({ pattern: '0 3 * * *', tz: 'Europe/Brussels' });
  });

  it('processes a housekeeping job from producer to processor and records the run', async () => {
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    await queue.add('manual-housekeeping', {});
    const run = await waitForJobRun(w.db.url, 'manual-housekeeping');
    expect(run.result).toHaveProperty('jobRunsPruned');
  });
});
