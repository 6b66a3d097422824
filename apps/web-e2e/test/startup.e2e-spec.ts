import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@schakel/platform';

const root = join(__dirname, '../../..');

describe('starting the platform as an operator would', () => {
  it('refuses a bad environment variable with one clear line naming it', () => {
    const res = spawnSync(process.execPath, [join(root, 'dist/api/apps/api/src/main.js')], {
      env: { PATH: process.env['PATH'], PORT: 'eighty', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/^schakel-api: Invalid configuration: PORT /);
  });

  it('runs API, SPA and worker on an embedded PostgreSQL with no DATABASE_URL, and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'schakel-start-'));
    chmodSync(dataDir, 0o755); // the embedded cluster runs as the postgres user and must reach its directory
    const port = await freePort();
    const env: Record<string, string> = {
      PATH: process.env['PATH']!,
      HOME: process.env['HOME'] ?? '/root',
      SKIP_BUILD: '1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      let health: unknown;
      for (let i = 0; i < 120 && !health; i++) {
        health = await fetch(`${base}/api/health`)
          .then((r) => (r.ok ? r.json() : undefined))
          .catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 500));
      }
      expect(health).toEqual({ status: 'ok' });
      const page = await fetch(`${base}/`);
      expect(await page.text()).toContain('<div id="root">');
      for (let i = 0; i < 60 && !/worker running/.test(output); i++) await new Promise((r) => setTimeout(r, 500));
      expect(output).toMatch(/worker running on the PostgreSQL queue backend/);
      expect(output).toMatch(/Schakel is running at http:\/\/localhost:/);
      const ready = await fetch(`${base}/api/health/ready`).then((r) => r.json());
      expect(ready.checks).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } });
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
