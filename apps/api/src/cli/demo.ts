// `npm run demo`: fills the running Schakel (started with `npm start`) with a Brussels demo district
// through its HTTP API, then prints every account with its password and TOTP secret.
//
//   npm run demo                 build the demo world (once per database)
//   npm run demo -- --code EMAIL print the current six-digit code of a demo account
//
// Environment: DEMO_URL (default http://127.0.0.1:$PORT, PORT default 3000), ADMIN_EMAIL /
// ADMIN_PASSWORD (default the development administrator), DEMO_ADMIN_TOTP (the administrator's
// current code when it enrolled two-step verification itself), DATA_DIR (default .data).
// Exit codes: 0 built (or already there), 1 failed, 2 refused (production).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoWorld, DemoError, totpNow, type DemoWorld } from './demo-world';

const DEV_ADMIN = { email: 'admin@schakel.local', password: 'Schakel-dev-admin-2026' };

function print(world: DemoWorld): void {
  const out = (s = '') => process.stdout.write(`${s}\n`);
  out();
  out(`Demo world of ${world.createdAt.slice(0, 10)} at ${world.baseUrl}`);
  out();
  const rows = world.accounts.map((a) => [a.role, a.displayName, a.email, a.password, a.totpSecret ?? '—']);
  const head = ['role', 'name', 'e-mail', 'password', 'TOTP secret (base32)'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out(line(r));
  out();
  out('Add a TOTP secret to an authenticator app, or print the current code with');
  out('  npm run demo -- --code <e-mail>');
  out(`Cases: ${Object.values(world.caseReferences).join(', ')}`);
}

async function main(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    process.stderr.write('schakel demo: refused: NODE_ENV=production. The demo world is for laptops and training instances only.\n');
    return 2;
  }
  const dataDir = process.env.DATA_DIR || '.data';
  const file = join(dataDir, 'demo-credentials.json');
  const saved: DemoWorld | null = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoWorld) : null;

  const codeAt = process.argv.indexOf('--code');
  if (codeAt > 0) {
    const email = process.argv[codeAt + 1];
    const account = saved?.accounts.find((a) => a.email === email);
    if (!account?.totpSecret) {
      process.stderr.write(`schakel demo: no demo account with a TOTP secret for "${email ?? ''}" in ${file}\n`);
      return 1;
    }
    process.stdout.write(`${totpNow(account.totpSecret)}\n`);
    return 0;
  }

  const baseUrl = process.env.DEMO_URL || `http://127.0.0.1:${process.env.PORT || 3000}`;
  const adminEmail = process.env.ADMIN_EMAIL || DEV_ADMIN.email;
  const adminPassword = process.env.ADMIN_PASSWORD || DEV_ADMIN.password;
  try {
    const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (!health?.ok) throw new DemoError(`no Schakel answers at ${baseUrl}: run \`npm start\` first (or set DEMO_URL)`);
    const world = await buildDemoWorld({
      baseUrl,
      adminEmail,
      adminPassword,
      adminTotp: process.env.DEMO_ADMIN_TOTP,
      adminSecret: saved?.accounts.find((a) => a.email === adminEmail)?.totpSecret,
      log: (l) => process.stdout.write(`[demo] ${l}\n`),
    });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(world, null, 2), { mode: 0o600 });
    print(world);
    process.stdout.write(`\nThese credentials are kept in ${file}.\n`);
    return 0;
  } catch (e) {
    if (e instanceof DemoError && /exists already/.test(e.message)) {
      process.stdout.write(`schakel demo: ${e.message}; nothing was changed.\n`);
      if (saved) print(saved);
      else
        process.stdout.write(
          `Its credentials were printed when it was built. To start over: stop Schakel, remove ${dataDir}/postgres, npm start, npm run demo.\n`,
        );
      return 0;
    }
    process.stderr.write(`schakel demo: ${(e as Error).message}\n`);
    return 1;
  }
}

void main().then((code) => process.exit(code));
