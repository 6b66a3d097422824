import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '@schakel/platform';
import { bootstrapConfig } from './bootstrap-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let boot: Awaited<ReturnType<typeof bootstrapConfig>>;
  try {
    boot = await bootstrapConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      // One clear line naming the variable, and no stack trace: this is an operator mistake.
      process.stderr.write(`schakel-api: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const { config, embedded, generatedSecrets } = boot;
  const app = await createApp(config);
  const logger = app.get(Logger);
  if (generatedSecrets.length) {
    logger.warn(`development secrets in use for ${generatedSecrets.join(', ')} (kept in ${config.env.DATA_DIR}/dev-secrets.json); set them for production`);
  }
  const db = new URL(config.databaseUrl);
  logger.log(`database: ${config.databaseKind === 'embedded' ? 'embedded PostgreSQL' : 'PostgreSQL'} at ${db.hostname}:${db.port || 5432}${db.pathname}`);
  logger.log(`queue backend: ${config.env.REDIS_URL ? 'Redis' : 'PostgreSQL (BullMQ)'}`);

  // Graceful shutdown: stop accepting, drain in-flight requests, close queues and the pool
  // (Nest's destroy hooks), then stop the embedded cluster if we started one.
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close().catch((e: Error) => logger.error(`error while closing: ${e.message}`));
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen(config.env.PORT, config.env.HOST);
  const url = config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`;
  logger.log(`Schakel is running at ${url} (API ${url}/api, docs ${url}/api/docs)`);
}

main().catch((e) => {
  process.stderr.write(`schakel-api: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
