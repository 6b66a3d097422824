import { fork } from 'node:child_process';
import pg from 'pg';
import { load, cpuMsOf } from '/work/wt/structure/bench/lib/load.mjs';
const db = process.argv[2];
const url = `postgres://postgres@127.0.0.1:5432/${db}`;
const c = new pg.Client({ connectionString: url }); await c.connect();
const { rows: [u] } = await c.query(`SELECT u.email FROM users u JOIN agencies a ON a.id=u.agency_id WHERE a.name='FJC Bench'`);
await c.end();
const port = 41000 + Math.floor(Math.random()*1000);
const secrets = JSON.parse(process.env.SECRETS);
const child = fork('/work/wt/structure/dist/api/apps/api/src/main.js', [], { execArgv: (process.env.NODE_ARGS ?? '').split(' ').filter(Boolean), env: { ...process.env, ...secrets, NODE_ENV: 'production', LOG_LEVEL: process.env.LL ?? 'silent', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, MFA_REQUIRED_ROLES: 'none', DATA_DIR: '/tmp/structure-probe-data', RUN_MIGRATIONS: 'false', REDIS_URL: 'redis://127.0.0.1:6379' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const tok = (await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: u.email, password: 'bench-user-password' }) })).json()).accessToken;
for (const path of (process.env.PATHS ?? '/api/health,/api/v1/me,/api/v1/agencies?limit=5,/api/v1/cases?limit=50').split(',')) {
  await load({ port, paths: [path], token: tok, connections: 4, seconds: 1 });
  const c0 = cpuMsOf(child.pid);
  const r = await load({ port, paths: [path], token: tok, connections: 4, seconds: 3 });
  console.log(path.padEnd(28), 'req', r.requests, 'errors', r.errors, 'cpu ms/req', ((cpuMsOf(child.pid) - c0) / r.requests).toFixed(2));
}
child.kill('SIGTERM');
