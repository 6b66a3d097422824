import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase { url: string; name: string; drop(): Promise<void> }

/** A fresh, empty database on the test server, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env['TEST_ADMIN_DATABASE_URL'];
  if (!admin) throw new Error('TEST_ADMIN_DATABASE_URL is not set: run through jest (global-setup)');
  // The creation time in the name lets global-setup drop databases a crashed run left behind.
  const name = `schakel_t_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
