#!/usr/bin/env node
// Benchmark: what the access log costs on the read path of case content (issue: "without slowing
// the read path noticeably — measure it"). Builds nothing itself: run `npm run bench`.
//
// It boots the built API on a fresh database (TEST_DATABASE_URL's server, default local PostgreSQL),
// seeds a district through the HTTP API, then reports:
//   - GET /cases/:id (decrypts persons, writes one access_log row) latency, p50/p95
//   - the same access_log INSERT alone, p50/p95, and its share of the read
//   - GET /cases (SQL-scoped list, 50 per page) over N cases, p50/p95
// Environment: BENCH_READS (default 400 reads), BENCH_CASES (default 300 cases), TEST_DATABASE_URL.
import { createRequire } from 'node:module';
import { randomBytes, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Secret, TOTP } from 'otpauth';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const { bootstrapConfig } = require(join(root, 'dist/api/apps/api/src/bootstrap-config.js'));
const { createApp } = require(join(root, 'dist/api/apps/api/src/create-app.js'));

const N_READS = Number(process.env.BENCH_READS ?? 400);
const N_CASES = Number(process.env.BENCH_CASES ?? 300);
const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `schakel_bench_${randomBytes(4).toString('hex')}`;

const q = async (url, sql, params) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql, params);
  } finally {
    await c.end();
  }
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(2)} ms`;

await q(admin, `CREATE DATABASE ${dbName}`);
const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
const { config } = await bootstrapConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: dbUrl,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'schakel-bench-')),
  JWT_SECRET: randomBytes(48).toString('base64url'),
  ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
  SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  ADMIN_EMAIL: 'admin@bench.be',
  ADMIN_PASSWORD: 'bench-admin-password',
  MFA_REQUIRED_ROLES: 'dpo',
  AUTH_RATE_LIMIT_PER_MINUTE: '10000',
});
const app = await createApp(config);
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api/v1`;

async function call(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
const login = async (email, password) => (await call('POST', '/auth/login', null, { email, password })).accessToken;

try {
  const adminToken = await login('admin@bench.be', 'bench-admin-password');
  const agency = async (name, type) => (await call('POST', '/agencies', adminToken, { name, type, district: 'Bench' })).id;
  const [police, fjc, parket] = [
    await agency('PZ Bench', 'POLICE'),
    await agency('FJC Bench', 'FAMILY_JUSTICE_CENTRE'),
    await agency('Parket Bench', 'PROSECUTION'),
  ];
  const user = async (agencyId, roles) => {
    const email = `${roles[0]}-${randomBytes(3).toString('hex')}@bench.be`;
    await call('POST', '/users', adminToken, { email, displayName: email, agencyId, roles, password: 'bench-user-password' });
    return login(email, 'bench-user-password');
  };
  const director = await user(fjc, ['case_director']);
  const referrer = await user(police, ['referrer']);
  const liaison = await user(parket, ['prosecutor_liaison']);
  const protocol = await call('POST', '/protocols', director, {
    title: 'Bench protocol',
    district: 'Bench',
    purpose: 'Benchmarking the read path',
    agencyIds: [police],
    dataCategories: ['IDENTIFICATION'],
    retentionMonths: 12,
    validFrom: '2026-01-01',
  });
  await call('POST', `/protocols/${protocol.id}/submit`, director, {});
  await call('POST', `/protocols/${protocol.id}/approve`, liaison, { reference: 'BENCH/1', motivation: 'Benchmark protocol, reasoned approval.' });
  const ids = [];
  for (let i = 0; i < N_CASES; i++) {
    const r = await call('POST', '/referrals', referrer, {
      protocolId: protocol.id,
      summary: `Bench referral number ${i} with enough words`,
      incident: { date: '2026-11-01', types: ['PHYSICAL'] },
      persons: [
        { role: 'VICTIM', firstName: `Victim${i}`, lastName: 'Bench', birthDate: '1990-01-01' },
        { role: 'ALLEGED_PERPETRATOR', firstName: `Other${i}`, lastName: 'Bench' },
      ],
      redFlags: ['RF04'],
      informed: true,
      consentGiven: true,
    });
    ids.push(r.caseId);
  }
  const caseId = ids[0];
  await call('POST', `/cases/${caseId}/transitions`, director, { to: 'DOSSIERVORMING', reason: 'bench' });

  const time = async (fn) => {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < 30; i++) await call('GET', `/cases/${caseId}`, director); // warm-up
  const reads = [];
  for (let i = 0; i < N_READS; i++) reads.push(await time(() => call('GET', `/cases/${caseId}`, director)));

  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const {
    rows: [who],
  } = await client.query(`SELECT user_id, agency_id FROM access_log LIMIT 1`);
  const inserts = [];
  for (let i = 0; i < N_READS; i++) {
    inserts.push(
      await time(() =>
        client.query('INSERT INTO access_log (user_id, agency_id, case_id, resource) VALUES ($1, $2, $3, $4)', [who.user_id, who.agency_id, caseId, 'CASE']),
      ),
    );
  }
  await client.end();

  const lists = [];
  for (let i = 0; i < 100; i++) lists.push(await time(() => call('GET', '/cases?limit=50', director)));

  console.log(`Schakel access-log benchmark (${N_READS} reads, ${N_CASES} cases in scope)`);
  console.log(`  GET /cases/:id            p50 ${ms(pct(reads, 50))}  p95 ${ms(pct(reads, 95))}`);
  console.log(`  access_log INSERT alone   p50 ${ms(pct(inserts, 50))}  p95 ${ms(pct(inserts, 95))}`);
  console.log(`  insert / read (p50)       ${((pct(inserts, 50) / pct(reads, 50)) * 100).toFixed(1)} %`);
  console.log(`  GET /cases?limit=50       p50 ${ms(pct(lists, 50))}  p95 ${ms(pct(lists, 95))}`);
} finally {
  await app.close();
  await q(admin, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
