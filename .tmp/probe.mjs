import { fork } from 'node:child_process';
import pg from 'pg';
import { load } from '/work/wt/structure/bench/lib/load.mjs';
const db = process.argv[2]; const path = process.argv[3] ?? '/api/v1/cases?limit=50';
const url = `postgres://postgres@127.0.0.1:5432/${db}`;
const c = new pg.Client({ connectionString: url }); await c.connect();
const { rows: [u] } = await c.query(`SELECT u.email FROM users u JOIN agencies a ON a.id=u.agency_id WHERE a.name='FJC Bench'`);
const port = 41000 + Math.floor(Math.random()*1000);
const secrets = JSON.parse(process.env.SECRETS);
const child = fork('/work/wt/structure/dist/api/apps/api/src/main.js', [], { execArgv: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.PROF] : [], env: { ...process.env, ...secrets, NODE_ENV: 'production', LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, MFA_REQUIRED_ROLES: 'none', DATA_DIR: '/tmp/structure-probe-data', RUN_MIGRATIONS: 'false', REDIS_URL: 'redis://127.0.0.1:6379' } });
for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500) break; } catch {} await new Promise(r => setTimeout(r, 200)); }
const tok = (await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: u.email, password: 'bench-user-password' }) })).json()).accessToken;
const samples = new Map(); let stop = false;
const sampler = (async () => { while (!stop) { const { rows } = await c.query(`SELECT state, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) q FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db]); for (const r of rows) { const k = r.state + ' | ' + r.q; samples.set(k, (samples.get(k) ?? 0) + 1); } await new Promise(r => setTimeout(r, 20)); } })();
const r = await load({ port, paths: [path], token: tok, connections: 32, seconds: 6 });
stop = true; await sampler;
console.log('rps', r.rps.toFixed(0), 'errors', r.errors);
console.log([...samples].sort((a,b)=>b[1]-a[1]).slice(0, 15).map(([k,v]) => v + '  ' + k).join('\n'));
child.kill('SIGTERM'); await c.end();
