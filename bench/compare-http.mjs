#!/usr/bin/env node
// Compares two builds of the API answer by answer (ADR 0016: Express before, Fastify after): starts both
// on a bench world's database (BENCH_WORLD, as bench/hot-paths.mjs left it) and sends each the same 54
// requests (errors of every kind, repeated query parameters, cookies, compression, the SPA, the docs).
// Prints every difference in status, headers (other than date, etag, last-modified, expires, connection,
// keep-alive and the rate-limit reset) and body. Usage:
//   BENCH_WORLD=/path/world.json node bench/compare-http.mjs <a>/dist/api/apps/api/src/main.js <b>/dist/api/apps/api/src/main.js
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const saved = JSON.parse(readFileSync(process.env.BENCH_WORLD ?? '', 'utf8'));
const web = mkdtempSync(join(tmpdir(), 'cmp-web-'));
mkdirSync(join(web, 'assets'));
writeFileSync(join(web, 'index.html'), '<!doctype html><title>Schakel</title><div id="root"></div>');
writeFileSync(join(web, 'assets', 'index-Bx12abCd.js'), `console.log(${JSON.stringify('schakel '.repeat(2000))});`);
writeFileSync(join(web, 'assets', 'index-Bx12abCd.js.map'), '{"version":3}');
const env = (port) => ({
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${saved.dbName}`,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'cmp-data-')),
  ...saved.secrets,
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  ADMIN_EMAIL: 'admin@bench.be',
  ADMIN_PASSWORD: 'bench-admin-password',
  MFA_REQUIRED_ROLES: 'none',
  AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  API_DOCS: 'true',
  WEB_DIST_DIR: web,
  TRUST_PROXY: process.env.CMP_TRUST ?? '1',
});
const servers = { express: [process.argv[2], 31101], fastify: [process.argv[3], 31102] };
const kids = [];
for (const [, [script, port]] of Object.entries(servers)) kids.push(fork(script, [], { env: env(port), stdio: 'inherit' }));
const wait = async (port) => {
  for (;;) {
    try {
      await get(port, { path: '/api/health' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
};
function get(port, { method = 'GET', path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}
try {
  await Promise.all(Object.values(servers).map(([, p]) => wait(p)));
  const login = async (port) =>
    JSON.parse(
      (
        await get(port, {
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: saved.world.director.email, password: 'bench-user-password' }),
        })
      ).body,
    );
  const tokens = { express: (await login(31101)).accessToken, fastify: (await login(31102)).accessToken };
  const id = saved.world.detailIds[0];
  const J = { 'content-type': 'application/json' };
  const cases = [
    { path: '/api/health' },
    { path: '/api/health/ready' },
    { path: '/api/v1/nope' },
    { method: 'POST', path: '/api/v1/nope', headers: J, body: '{}' },
    { path: '/api/v1/cases?limit=5', auth: true },
    { path: '/api/v1/cases?limit=5&stage=REFERRED&stage=ASSESSMENT', auth: true },
    { path: '/api/v1/cases?limit=5&stage=a&stage=b', auth: true },
    { path: '/api/v1/cases?limit=50', auth: true, headers: { 'accept-encoding': 'gzip' } },
    { path: '/api/v1/cases?limit=50', auth: true, headers: { 'accept-encoding': 'br, gzip' } },
    { path: '/api/v1/cases?limit[a]=5', auth: true },
    { path: '/api/v1/cases?q=%00', auth: true },
    { path: '/api/v1/cases/%00', auth: true },
    { path: '/api/v1/cases/%E0%A4%A', auth: true },
    { path: `/api/v1/cases/${id}`, auth: true },
    { path: `/api/v1/cases/${id}/`, auth: true },
    { path: `/API/V1/CASES/${id}`, auth: true },
    { path: `/api/v1/cases/${id.toUpperCase()}`, auth: true },
    { path: '/api/v1/cases/not-a-uuid', auth: true },
    { path: '/api/v1/cases' },
    { path: '/api/v1/cases', headers: { authorization: 'Bearer x.y.z' } },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: '{"email":' },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: '' },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: '"str"' },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: '{"__proto__":{}}' },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: '['.repeat(40) + ']'.repeat(40) },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(200000) }) },
    { method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, body: 'hi' },
    { method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' },
    { method: 'POST', path: '/api/v1/auth/login', headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, body: '{}' },
    { method: 'POST', path: '/api/v1/auth/login', headers: J, body: JSON.stringify({ email: 'nobody@bench.be', password: 'wrong-password-1' }) },
    { method: 'POST', path: '/api/v1/auth/refresh', headers: J },
    { method: 'POST', path: '/api/v1/auth/refresh' },
    { method: 'POST', path: '/api/v1/auth/refresh', headers: { cookie: 'schakel_refresh=junk' } },
    { method: 'DELETE', path: '/api/v1/cases', auth: true },
    { method: 'OPTIONS', path: '/api/v1/cases' },
    { method: 'HEAD', path: '/api/health' },
    { path: '/api/v1/auth/oidc' },
    { path: '/api/v1/auth/oidc/login' },
    { path: '/api/metrics' },
    { path: '/' },
    { path: '/cases/123' },
    { method: 'HEAD', path: '/cases/123' },
    { method: 'POST', path: '/cases/123', headers: J, body: '{}' },
    { path: '/assets/index-Bx12abCd.js' },
    { path: '/assets/index-Bx12abCd.js', headers: { 'accept-encoding': 'br' } },
    { path: '/assets/index-Bx12abCd.js.map' },
    { path: '/x.map' },
    { path: '/assets/nope.js' },
    { path: '/index.html' },
    { path: '/assets' },
    { path: '/api/docs-json' },
    { path: '/api/docs' },
    { path: '/api/docs/' },
    { path: '/api/v1/me', auth: true, headers: { 'x-forwarded-for': '203.0.113.9' } },
  ];
  const skip = new Set(['date', 'etag', 'last-modified', 'expires', 'keep-alive', 'connection', 'x-ratelimit-reset-auth']);
  const norm = (r) => {
    const h = [];
    for (let i = 0; i < r.headers.length; i += 2)
      if (!skip.has(r.headers[i].toLowerCase()))
        h.push(
          `${r.headers[i].toLowerCase()}: ${r.headers[i].toLowerCase() === 'set-cookie' ? r.headers[i + 1].replace(/=[^;]{20,};/, '=<v>;').replace(/Expires=[^;]+/, 'Expires=<d>') : r.headers[i + 1]}`,
        );
    return h;
  };
  let same = 0;
  for (const c of cases) {
    const out = {};
    for (const [name, [, port]] of Object.entries(servers)) {
      const headers = { ...(c.headers ?? {}), ...(c.auth ? { authorization: `Bearer ${tokens[name]}` } : {}) };
      out[name] = await get(port, { ...c, headers });
    }
    const [a, b] = [out.express, out.fastify];
    const ha = norm(a),
      hb = norm(b);
    const bodyA = a.body.toString('latin1'),
      bodyB = b.body.toString('latin1');
    const enc = (r) => {
      for (let i = 0; i < r.headers.length; i += 2) if (r.headers[i].toLowerCase() === 'content-encoding') return true;
      return false;
    };
    const sameBody = bodyA === bodyB || (enc(a) && enc(b));
    const diffH = [...ha.filter((h) => !hb.includes(h)).map((h) => `- ${h}`), ...hb.filter((h) => !ha.includes(h)).map((h) => `+ ${h}`)];
    const label = `${c.method ?? 'GET'} ${c.path.slice(0, 70)}${c.body !== undefined ? ` body=${c.body.slice(0, 20)}` : ''}${c.headers ? ' ' + JSON.stringify(c.headers).slice(0, 60) : ''}`;
    if (a.status === b.status && !diffH.length && sameBody) {
      same++;
      continue;
    }
    console.log(`\n### ${label}: ${a.status} vs ${b.status}`);
    for (const d of diffH) console.log('  ' + d.slice(0, 220));
    if (!sameBody) console.log(`  body express: ${bodyA.slice(0, 220)}\n  body fastify: ${bodyB.slice(0, 220)}`);
  }
  console.log(`\n${same}/${cases.length} identical (headers other than date/etag/last-modified/expires/connection/keep-alive, status, body)`);
} finally {
  for (const k of kids) k.kill();
}
