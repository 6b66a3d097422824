import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const REGISTER = join(ROOT, 'tools/test/ts-register.cjs');

export const API_MAIN = 'apps/api/src/main.ts';
export const WORKER_MAIN = 'apps/worker/src/main.ts';

/** An API or worker started as its own OS process (in its own process group) from the TypeScript sources. */
export interface ChildService {
  name: string;
  child: ChildProcess;
  /** The last lines it wrote (up to 200), for a failure message. */
  tail(n?: number): string;
  exited: Promise<number | null>;
}

const running = new Set<ChildService>();

/** Kills every process group still running, synchronously: also when Jest's worker exits abruptly. */
function killAllNow(): void {
  for (const s of running) {
    try {
      process.kill(-s.child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
process.once('exit', killAllNow);

/**
 * Starts `node -r tools/test/ts-register.cjs <entry>` with exactly `env` (plus PATH/HOME): nothing of
 * the test runner's environment leaks into the configuration under test.
 */
export function startService(name: string, entry: string, env: Record<string, string>): ChildService {
  const child = spawn(process.execPath, ['-r', REGISTER, entry], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    detached: true, // its own process group: stop() takes any grandchild along
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ChildService = { name, child, exited, tail: (n = 30) => lines.slice(-n).join('\n') };
  running.add(service);
  void exited.then(() => running.delete(service));
  return service;
}

/** SIGTERM to the whole group (a graceful shutdown), SIGKILL after `graceMs`. */
export async function stopService(s: ChildService, graceMs = 10_000): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-s.child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), graceMs);
  await s.exited;
  clearTimeout(timer);
}

/** Resolves once `ready()` is true; fails with the process's last output when it exits or times out. */
export async function waitUntil(s: ChildService, what: string, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void s.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${s.name} exited (${s.child.exitCode}) before ${what}:\n${s.tail()}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${s.name}: no ${what} within ${timeoutMs} ms:\n${s.tail()}`);
}

/** Waits for an API process's readiness probe (database and queue backend reachable). */
export function waitForApi(s: ChildService, baseUrl: string): Promise<void> {
  return waitUntil(s, 'readiness', async () => (await fetch(`${baseUrl}/api/health/ready`)).status === 200);
}

/** Waits for a worker process to say it runs (after its schedulers registered). */
export function waitForWorker(s: ChildService): Promise<void> {
  return waitUntil(s, 'start', async () => s.tail(200).includes('worker running'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
