#!/usr/bin/env node
// `npm start`: builds what is needed, then runs the API (serving the SPA) and the worker.
// Without DATABASE_URL it starts an embedded PostgreSQL under DATA_DIR (default .data/) and hands
// its URL to both processes; without REDIS_URL the queues run on BullMQ's PostgreSQL backend.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from './node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const log = (msg) => process.stdout.write(`[schakel] ${msg}\n`);

// A fresh clone started without `npm ci` first: install exactly what the lock file says.
if (!existsSync(join(root, 'node_modules', '.bin', 'nx'))) {
  log('dependencies are not installed: running npm ci…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

if (process.env.SKIP_BUILD !== '1') {
  log('building api, worker and web (cached when unchanged)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { parseConfig, ConfigError, startEmbeddedPostgres } = require(join(root, 'dist/api/libs/platform/src/index.js'));
let config;
try {
  config = parseConfig(process.env);
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`schakel: ${e.message}\n`);
    process.exit(1);
  }
  throw e;
}

const env = { ...process.env };
let embedded;
if (!config.DATABASE_URL) {
  log(`DATABASE_URL is unset: starting an embedded PostgreSQL with its data in ${join(config.DATA_DIR, 'postgres')}`);
  embedded = await startEmbeddedPostgres(config.DATA_DIR);
  env.DATABASE_URL = embedded.url;
  // A laptop run gets the documented development administrator (README) unless ADMIN_* is set.
  if (env.DEV_SEED === undefined && config.NODE_ENV !== 'production') env.DEV_SEED = 'true';
  log(`embedded PostgreSQL is listening on 127.0.0.1:${embedded.port}`);
}

const children = [];
const run = (name, script, flags = []) => {
  const child = spawn(process.execPath, [...flags, join(root, script)], { cwd: root, env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping`);
      void stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
};

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise((r) => {
          if (c.exitCode !== null) return r();
          c.once('exit', r);
          c.kill('SIGTERM');
        }),
    ),
  );
  if (embedded) await embedded.stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

run('api', 'dist/api/apps/api/src/main.js', API_NODE_FLAGS);
// The API migrates the schema at start-up; the worker waits until it answers.
const base = `http://127.0.0.1:${config.PORT}`;
for (let i = 0; i < 120 && !stopping; i++) {
  try {
    const res = await fetch(`${base}/api/health`);
    if (res.ok) break;
  } catch {
    /* not up yet */
  }
  await new Promise((r) => setTimeout(r, 500));
}
run('worker', 'dist/worker/apps/worker/src/main.js');
log(`Schakel is running at http://localhost:${config.PORT} — press Ctrl+C to stop`);
