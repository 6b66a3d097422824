import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, waitForRedis } from '@schakel/platform';
import { loadWorkerConfig, type WorkerConfig } from './worker-config';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config: WorkerConfig;
  try {
    config = loadWorkerConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`schakel-worker: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (config.env.REDIS_URL) {
    // Start only once Redis answers; give up, non-zero, after WORKER_REDIS_WAIT_MS (one line per try).
    await waitForRedis(config.env.REDIS_URL, config.env.WORKER_REDIS_WAIT_MS, (line) => process.stderr.write(`schakel-worker: ${line}\n`)).catch((e: Error) => {
      process.stderr.write(`schakel-worker: ${e.message}\n`);
      process.exit(1);
    });
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: config.env.LOG_LEVEL === 'silent' ? false : undefined,
  });
  // Nest closes the BullMQ workers on shutdown: the active job finishes, nothing new is taken.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  new Logger('Worker').log(`worker running on the ${config.env.REDIS_URL ? 'Redis' : 'PostgreSQL'} queue backend`);
}

main().catch((e) => {
  process.stderr.write(`schakel-worker: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
