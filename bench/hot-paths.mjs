#!/usr/bin/env node
// Benchmark: Schakel's two hottest reads against a bare `http` + `pg` server doing the same work
// (bench/lib/baseline-server.mjs), at 100,000 cases and 32 keep-alive connections. Run `npm run bench`
// (builds the API first). It creates a database on TEST_DATABASE_URL's server (default local
// PostgreSQL), starts the built API and the baseline as child processes, builds the world
// (bench/lib/world.mjs), then measures each endpoint on both servers, interleaved (A B, then B A) and
// repeated, and prints throughput ratios, p50/p99 latency and resident memory. Like with like: both
// answer the same bodies (checked first) and neither compresses (the load client sends no
// Accept-Encoding; the API compresses answers of 1 KiB and more for clients that ask). Nothing is asserted:
// the numbers are printed, compared with the goals of issue 14, and the database dropped.
// Env: BENCH_CASES (100000), BENCH_CONNECTIONS (32), BENCH_SECONDS (5 per run), BENCH_ROUNDS (3),
// BENCH_KEEP_DB (keep the database for EXPLAIN), BENCH_WORLD (a file: the first run builds the world, keeps its
// database and notes it there with the secrets; later runs reuse it — delete the file and drop the database when done),
// BENCH_DEFAULT_FLAGS=1 (both servers without scripts/node-flags.mjs), BENCH_ONLY (list or detail), BENCH_PROFILE (a directory: write a CPU profile of the API there), TEST_DATABASE_URL, REDIS_URL (optional: otherwise the queues use PostgreSQL).
import { fork } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { API_NODE_FLAGS } from '../scripts/node-flags.mjs';
import { cpuMsOf, load, percentile, rssOf } from './lib/load.mjs';
import { buildWorld } from './lib/world.mjs';

const root = new URL('..', import.meta.url).pathname;
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOALS = { list: 0.8, detail: 0.5 };
// Both servers run with the flags the API runs with in production (scripts/node-flags.mjs): like with
// like, so the ratio compares the code, not the runtime settings. BENCH_DEFAULT_FLAGS=1 runs both without.
const NODE_FLAGS = process.env.BENCH_DEFAULT_FLAGS === '1' ? [] : API_NODE_FLAGS;
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORLD_FILE = process.env.BENCH_WORLD;
const saved = WORLD_FILE && existsSync(WORLD_FILE) ? JSON.parse(readFileSync(WORLD_FILE, 'utf8')) : null;
const dbName = saved?.dbName ?? `schakel_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const log = (s) => process.stderr.write(`bench: ${s}\n`);

const secrets = saved?.secrets ?? {
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
  SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
};

/** Where two JSON values differ (BENCH_DIFF): `path: schakel value ≠ baseline value`. */
function differences(a, b, path = '') {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], `${path}.${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`];
}

async function loginAs(base, email, password) {
  const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).accessToken;
}

/** Starts a server as a child process; resolves with its port once it listens. */
function start(script, env, portFrom, execArgv = []) {
  const child = fork(script, [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    portFrom(child, (port) => resolve({ child, port }));
  });
}

const pgAdmin = new pg.Client({ connectionString: admin });
await pgAdmin.connect();
if (!saved) await pgAdmin.query(`CREATE DATABASE ${dbName}`);
const children = [];
try {
  const apiPort = 20000 + Math.floor(Math.random() * 20000);
  const api = await start(
    join(root, 'dist/api/apps/api/src/main.js'),
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'schakel-bench-')),
      ...secrets,
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      ADMIN_EMAIL: 'admin@bench.be',
      ADMIN_PASSWORD: 'bench-admin-password',
      MFA_REQUIRED_ROLES: 'none',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    },
    async (_child, ready) => {
      // The API prints nothing when silent: poll its health endpoint.
      for (;;) {
        try {
          if ((await fetch(`http://127.0.0.1:${apiPort}/api/health`)).status < 500) return ready(apiPort);
        } catch {
          /* not yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    [
      ...NODE_FLAGS,
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}/schakel`]
        : process.env.BENCH_NODE_ARGS
          ? process.env.BENCH_NODE_ARGS.split(' ')
          : []),
    ],
  );
  children.push(api.child);
  log(`Schakel API on :${api.port}`);
  const base = `http://127.0.0.1:${api.port}/api/v1`;
  const world = saved
    ? { ...saved.world, director: { ...saved.world.director, token: await loginAs(base, saved.world.director.email, 'bench-user-password') } }
    : await buildWorld({ base, dbUrl, adminEmail: 'admin@bench.be', adminPassword: 'bench-admin-password', cases: CASES, log });
  if (saved) log(`reusing the world in ${dbName} (${WORLD_FILE})`);
  else if (WORLD_FILE)
    writeFileSync(WORLD_FILE, JSON.stringify({ dbName, secrets, world: { director: { email: world.director.email }, detailIds: world.detailIds } }));
  const baseline = await start(
    join(root, 'bench/lib/baseline-server.mjs'),
    { DATABASE_URL: dbUrl, ...secrets },
    (child, ready) => child.on('message', (m) => ready(m.port)),
    [...NODE_FLAGS, ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}/baseline`] : [])],
  );
  children.push(baseline.child);
  log(`baseline on :${baseline.port}`);

  const servers = { schakel: api, baseline };
  const endpoints = Object.fromEntries(
    Object.entries({
      list: ['/api/v1/cases?limit=50'],
      detail: world.detailIds.map((id) => `/api/v1/cases/${id}`),
    }).filter(([name]) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === name),
  );
  // Both servers must give the same bodies, or the comparison means nothing.
  for (const path of Object.values(endpoints).map((paths) => paths[0])) {
    const [a, b] = await Promise.all(
      [api.port, baseline.port].map(async (port) =>
        (await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${world.director.token}` } })).json(),
      ),
    );
    const same = JSON.stringify(a) === JSON.stringify(b);
    log(`${path.replace(/[0-9a-f-]{36}/, ':id')}: same response body on both servers: ${same ? 'yes' : 'NO'}`);
    if (!same && process.env.BENCH_DIFF) for (const d of differences(a, b).slice(0, 20)) log(`  ${d}`);
  }
  const results = {};
  for (const [name, paths] of Object.entries(endpoints)) {
    results[name] = { schakel: { rps: [], lat: [], errors: 0, rss: 0, cpu: 0, n: 0 }, baseline: { rps: [], lat: [], errors: 0, rss: 0, cpu: 0, n: 0 } };
    for (const s of Object.keys(servers)) await load({ port: servers[s].port, paths, token: world.director.token, connections: CONNECTIONS, seconds: 2 }); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['schakel', 'baseline'] : ['baseline', 'schakel'];
      for (const s of order) {
        const cpu0 = cpuMsOf(servers[s].child.pid);
        const r = await load({ port: servers[s].port, paths, token: world.director.token, connections: CONNECTIONS, seconds: SECONDS });
        const acc = results[name][s];
        acc.cpu += cpuMsOf(servers[s].child.pid) - cpu0;
        acc.n += r.requests;
        acc.rps.push(r.rps);
        acc.lat.push(...r.latencies);
        acc.errors += r.errors;
        acc.rss = Math.max(acc.rss, rssOf(servers[s].child.pid).rssMb);
        log(`${name} round ${round + 1} ${s}: ${r.rps.toFixed(0)} req/s${r.errors ? ` (${r.errors} errors)` : ''}`);
      }
    }
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const f = (x, d = 1) => x.toFixed(d).padStart(8);
  console.log(`\nSchakel hot paths vs bare http + pg — ${CASES.toLocaleString('en')} cases, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS}s interleaved`);
  console.log(
    `${'endpoint'.padEnd(22)}${'server'.padEnd(10)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'RSS MB'.padStart(8)}${'CPU ms/req'.padStart(12)}  errors`,
  );
  for (const [name, r] of Object.entries(results)) {
    for (const s of ['schakel', 'baseline']) {
      const x = r[s];
      console.log(
        `${(name === 'list' ? 'GET /cases (scoped)' : 'GET /cases/:id').padEnd(22)}${s.padEnd(10)}${f(median(x.rps), 0)}${f(percentile(x.lat, 50))}${f(percentile(x.lat, 99))}${f(x.rss, 0)}${(x.cpu / x.n).toFixed(2).padStart(12)}  ${x.errors}`,
      );
    }
  }
  console.log('');
  for (const [name, r] of Object.entries(results)) {
    const ratio = median(r.schakel.rps) / median(r.baseline.rps);
    const met = ratio >= GOALS[name];
    const cpuRatio = r.baseline.cpu / r.baseline.n / (r.schakel.cpu / r.schakel.n);
    console.log(
      `ratio ${name.padEnd(7)} ${ratio.toFixed(2)}× of baseline throughput (goal ≥ ${GOALS[name]}×) ${met ? 'met' : 'NOT met'}; by server CPU per request ${cpuRatio.toFixed(2)}×`,
    );
  }
} finally {
  for (const c of children) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  if (process.env.BENCH_KEEP_DB || WORLD_FILE) log(`kept database ${dbName}`);
  else await pgAdmin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await pgAdmin.end();
}
