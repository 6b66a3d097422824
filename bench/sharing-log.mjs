#!/usr/bin/env node
// Benchmark: the sharing log as a transparency log (issue 8). Run `npm run bench` (builds first).
//
//   1. appends/s of the real writer (lock, head, seal, Merkle nodes, signed C2SP checkpoint, one
//      INSERT statement, commit) against the raw operation: hash + one INSERT under the same
//      advisory lock in a tight pg loop, each in its own transaction, side by side in one run
//      (interleaved rounds, so both see the same machine load);
//   2. verification of N entries (BENCH_VERIFY, default 100000; BENCH_LARGE=1 adds 1,000,000, which
//      takes a while: seeding a million signed appends is most of it):
//      the API's streaming verify on worker threads as the API runs it (first verify, and again with the threads kept), and in the event-loop thread
//      for comparison (entries/s, µs of CPU per entry over all threads, peak RSS, worst event-loop
//      stall), and the offline CLI on an export file (on worker threads, and in one thread).
//      While the API's verify runs, an HTTP server on the same event loop answers GET /api/health
//      every 20 ms: its latency (worst, p99, p50) is what a client of the API would see; the same
//      probe with nothing running is the control for the machine's own scheduling delay.
//      Figures are wall-clock and per CPU-second: the machine is shared, so compare within one run.
//      PostgreSQL's own CPU (≈ 4 µs per row here) is not in the per-entry CPU figures.
// Environment: BENCH_APPENDS (default 1000 per side), BENCH_SKIP_APPENDS=1, BENCH_VERIFY, BENCH_LARGE=1,
// BENCH_THREADS (API verify threads to measure, default "<cores, at most 4>,0"), BENCH_NICE (their nice value,
// default the API's), TEST_DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import http from 'node:http';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const platform = require(join(root, 'dist/api/libs/platform/src/index.js'));
const { dataSourceOptions } = require(join(root, 'dist/api/apps/api/src/database/data-source-options.js'));
const { runMigrationsLocked } = require(join(root, 'dist/api/apps/api/src/database/migration-runner.js'));
const { DataSource } = require('typeorm');

const N_APPENDS = Number(process.env.BENCH_APPENDS ?? 1000);
// Worker threads for the API's verify: the default the API uses, and 0 (in the event-loop thread) for comparison.
const NICE = Number(process.env.BENCH_NICE ?? platform.VERIFY_NICENESS);
const THREADS = (process.env.BENCH_THREADS ?? `${platform.defaultVerifyThreads()},0`).split(',').map(Number);
const SIZES = [Number(process.env.BENCH_VERIFY ?? 100_000), ...(process.env.BENCH_LARGE === '1' ? [1_000_000] : [])];
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
const signer = { origin: 'bench.schakel/sharing-log', signingKey };
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;

async function freshDatabase() {
  const name = `schakel_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  await runMigrationsLocked(ds);
  await ds.destroy();
  const runtime = await platform.provisionRuntimeDatabase(url);
  return {
    url,
    runtimeUrl: runtime.url,
    drop: async () => {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

const item = () => ({
  caseId: randomUUID(),
  protocolId: randomUUID(),
  contributionId: randomUUID(),
  fromAgencyId: randomUUID(),
  fromUserId: randomUUID(),
  toAgencyIds: [randomUUID()],
  legalBasis: 'ART_458TER',
  categories: ['WELFARE_SUPPORT'],
  consentId: null,
  district: 'Antwerpen',
  caseAgencyIds: [randomUUID(), randomUUID()],
  legalReference: 'art. 458ter Sw.',
  justificationCommitment: createHash('sha256').update(randomUUID()).digest('hex'),
});
const sqlOf = (client) => async (text, params) => (await client.query(text, params)).rows;

async function appends(db) {
  const client = new pg.Client({ connectionString: db.runtimeUrl });
  await client.connect();
  const owner = new pg.Client({ connectionString: db.url });
  await owner.connect();
  // The same row shape and indexes as the log itself: only the writer's extra work differs.
  await owner.query('CREATE TABLE bench_raw (LIKE sharing_log INCLUDING ALL)');
  await owner.query(`GRANT SELECT, INSERT ON bench_raw TO ${new URL(db.runtimeUrl).username}`);
  await owner.end();
  const sql = sqlOf(client);
  let rawSeq = 0;
  let rawPrev = '0'.repeat(64);
  const writer = async () => {
    const it = item();
    await client.query('BEGIN');
    await platform.appendEntries(sql, signer, [it]);
    await client.query('COMMIT');
  };
  const raw = async () => {
    const it = item();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [platform.SHARING_LOG_APPEND_LOCK + 1]);
    const seq = ++rawSeq;
    const at = new Date().toISOString();
    const hash = createHash('sha256')
      .update(`${rawPrev}\n${JSON.stringify({ ...it, seq, at })}`)
      .digest('hex');
    await client.query(
      `INSERT INTO bench_raw (seq, at, case_id, protocol_id, district, case_agency_ids, contribution_id, from_agency_id, from_user_id, to_agency_ids,
      legal_basis, categories, consent_id, prev_hash, hash, legal_reference, justification_commitment, version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 2)`,
      [
        seq,
        at,
        it.caseId,
        it.protocolId,
        it.district,
        it.caseAgencyIds,
        it.contributionId,
        it.fromAgencyId,
        it.fromUserId,
        it.toAgencyIds,
        it.legalBasis,
        it.categories,
        null,
        rawPrev,
        hash,
        it.legalReference,
        it.justificationCommitment,
      ],
    );
    await client.query('COMMIT');
    rawPrev = hash;
  };
  for (let i = 0; i < 20; i++) {
    await writer();
    await raw();
  } // warm-up
  const time = { writer: 0, raw: 0 };
  const rounds = 10;
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of [
      ['writer', writer],
      ['raw', raw],
    ]) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < N_APPENDS / rounds; i++) await fn();
      time[name] += Number(process.hrtime.bigint() - t0) / 1e9;
    }
  }
  await client.end();
  const w = N_APPENDS / time.writer;
  const r = N_APPENDS / time.raw;
  console.log(`appends (each its own transaction, ${N_APPENDS} per side, interleaved):`);
  console.log(`  writer (lock, seal, tree nodes, signed checkpoint, commit): ${fmt(w)}/s`);
  console.log(`  raw loop (hash + one INSERT under the lock, commit):       ${fmt(r)}/s`);
  console.log(`  ratio writer/raw: ${(w / r).toFixed(2)}× (target ≥ 0.5×)`);
}

async function seed(db, n) {
  const client = new pg.Client({ connectionString: db.runtimeUrl });
  await client.connect();
  const sql = sqlOf(client);
  const have = Number((await client.query('SELECT coalesce(max(seq), 0) AS n FROM sharing_log')).rows[0].n);
  for (let done = have; done < n;) {
    const batch = Math.min(1000, n - done);
    await client.query('BEGIN');
    await platform.appendEntries(sql, signer, Array.from({ length: batch }, item));
    await client.query('COMMIT');
    done += batch;
  }
  await client.end();
}

/** GET /api/health on a server sharing this event loop, every 20 ms: the latency a client sees while verify runs. */
async function healthProbe() {
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"status":"ok"}');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port } = server.address();
  const times = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await new Promise((resolve, reject) =>
        http
          .get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject),
      );
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    agent.destroy();
    server.close();
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
    return { worst: times.at(-1) ?? 0, count: times.length, p50: at(0.5), p99: at(0.99), over100: times.filter((t) => t > 100).length };
  };
}

async function verifyApi(db, n, threads) {
  const pool = new pg.Pool({ connectionString: db.runtimeUrl, max: 4 });
  const sql = async (text, params) => (await pool.query(text, params)).rows;
  // As the API does it (SharingService.verify): ranges on worker threads, each with its own connection
  // and the rows as binary COPY; threads = 0 runs it in this thread, in slices, on text rows (the old way).
  // The API keeps its threads for a minute after a verify (SharingLogVerifyPool): the first verify
  // starts them, a second one soon after finds them started and compiled. Both are measured.
  const arrays = async (text, values) => (await pool.query({ text, values, rowMode: 'array' })).rows;
  const workers = threads ? new platform.VerifyWorkers({ connectionString: db.runtimeUrl, application_name: 'schakel-bench-verify' }, threads, NICE) : null;
  try {
    for (const round of threads ? ['first verify: threads start', 'again within a minute: threads kept'] : ['']) {
      global.gc?.();
      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const lag = monitorEventLoopDelay({ resolution: 5 });
      // Control: the same probe with nothing running, so scheduler delay on a shared machine is not blamed on verify.
      const stopIdle = await healthProbe();
      await new Promise((r) => setTimeout(r, 3000));
      const idle = await stopIdle();
      lag.enable();
      const stopProbe = await healthProbe();
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const v = await platform.verifyStoredLog(sql, signer, workers ? { run: workers.run, parallel: workers.size } : { arrays });
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      // process.cpuUsage() is the whole process: the event loop and every worker thread (PostgreSQL's own CPU is not in it).
      const cpu = process.cpuUsage(cpu0);
      const probe = await stopProbe();
      lag.disable();
      clearInterval(sampler);
      if (!v.valid || v.entries !== n) throw new Error(`verify failed: ${JSON.stringify(v)}`);
      const cpuSecs = (cpu.user + cpu.system) / 1e6;
      const how = threads ? `${threads} worker thread${threads > 1 ? 's' : ''} at nice ${NICE}, ${round}` : 'in the event-loop thread, sliced';
      console.log(
        `  API verify (${how}, ${n} entries): ${fmt(n / secs)} entries/s wall (${secs.toFixed(2)} s), ${((cpuSecs * 1e6) / n).toFixed(1)} µs CPU/entry (${fmt(n / cpuSecs)} entries per CPU-second, all threads), peak RSS ${mb(peak)} (+${mb(peak - base)} over idle)`,
      );
      console.log(
        `    /api/health during verify: worst ${probe.worst.toFixed(0)} ms, p99 ${probe.p99.toFixed(0)} ms, p50 ${probe.p50.toFixed(1)} ms, ${probe.over100} of ${probe.count} probes over 100 ms (target ≤ 100 ms; with nothing running: worst ${idle.worst.toFixed(0)} ms, p99 ${idle.p99.toFixed(0)} ms, ${idle.over100} of ${idle.count} over 100 ms), worst event-loop stall ${(lag.max / 1e6).toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
      );
    }
  } finally {
    await workers?.close();
    await pool.end();
  }
}

async function verifyCli(db, n) {
  const dir = mkdtempSync(join(tmpdir(), 'schakel-bench-export-'));
  const file = join(dir, 'export.json');
  const client = new pg.Client({ connectionString: db.runtimeUrl });
  await client.connect();
  const head = await platform.latestTreeHead(sqlOf(client));
  const out = createWriteStream(file);
  out.write(
    `{"format":"${platform.SHARING_LOG_EXPORT_FORMAT_V2}","exportedAt":"${new Date().toISOString()}","checkpoint":${JSON.stringify({ origin: signer.origin, size: head.size, rootHash: head.rootHash.toString('base64'), note: head.note })},"entries":[`,
  );
  for (let after = 0, first = true; ;) {
    const rows = (await client.query(`SELECT ${platform.ENTRY_COLUMNS} FROM sharing_log WHERE seq > $1 ORDER BY seq LIMIT 10000`, [after])).rows;
    if (!rows.length) break;
    const text = rows.map((r) => JSON.stringify(platform.entryFromRow(r))).join(',');
    if (!out.write((first ? '' : ',') + text)) await new Promise((r) => out.once('drain', r));
    first = false;
    after = rows[rows.length - 1].seq;
  }
  await new Promise((r) => out.end(']}', r));
  await client.end();
  writeFileSync(join(dir, 'key.pem'), platform.publicKeyPem(platform.publicKeyFromPrivate(signingKey)));
  for (const threads of [platform.defaultVerifyThreads(), 1]) {
    const script = `const { runCli } = require(${JSON.stringify(join(root, 'dist/api/apps/api/src/cli/verify-sharing-log.js'))});
    const t0 = process.hrtime.bigint();
    runCli([${JSON.stringify(file)}, '--public-key', ${JSON.stringify(join(dir, 'key.pem'))}], () => {}, { threads: ${threads} }).then((code) =>
      console.log(JSON.stringify({ code, secs: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6, maxRss: process.resourceUsage().maxRSS * 1024 })));`;
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    const r = JSON.parse(res.stdout.trim().split('\n').pop());
    if (r.code !== 0) throw new Error(`CLI verify failed (${res.stdout} ${res.stderr})`);
    console.log(
      `  offline CLI (streamed file, ${threads > 1 ? `${threads} threads: main + ${threads - 1} worker${threads > 2 ? 's' : ''}` : 'one thread'}, ${n} entries): ${fmt(n / r.secs)} entries/s wall (${r.secs.toFixed(2)} s), ${((r.cpu * 1e6) / n).toFixed(1)} µs CPU/entry (${fmt(n / r.cpu)} entries per CPU-second, start-up included), peak RSS of the process ${mb(r.maxRss)}`,
    );
  }
  rmSync(dir, { recursive: true, force: true }); // the 1M-entry export is ~870 MB
}

const db = await freshDatabase();
try {
  if (process.env.BENCH_SKIP_APPENDS !== '1') await appends(db);
  console.log('verification:');
  for (const n of SIZES) {
    await seed(db, n);
    for (const threads of THREADS) await verifyApi(db, n, threads);
    await verifyCli(db, n);
  }
} finally {
  await db.drop();
}
