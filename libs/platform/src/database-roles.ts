// Least privilege in PostgreSQL: migrations run as the owner (DATABASE_URL), requests are served by a
// runtime role that owns nothing, is not a superuser and may only SELECT and INSERT on the
// append-only tables. Whoever holds the API's runtime credentials (an SQL injection, a leaked
// environment) can then neither disable the log's triggers nor update, delete or truncate a row:
// ALTER TABLE needs ownership, and UPDATE/DELETE/TRUNCATE are simply not granted.

import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { firstRow } from './rows';

/** The role Schakel creates for itself when DATABASE_URL is a superuser or may create roles. */
export const RUNTIME_ROLE = 'schakel_runtime';

/**
 * Tables whose rows are evidence: the runtime role gets SELECT and INSERT only. The ONE place to
 * list them. Every other table in schema public gets SELECT/INSERT/UPDATE/DELETE at every start,
 * so tables added by later migrations need nothing here; a table guarded by the `refuse_change()`
 * trigger is treated as append-only even when it is missing from this list.
 */
export const APPEND_ONLY_TABLES: readonly string[] = [
  'sharing_log',
  'sharing_log_checkpoints',
  'sharing_log_tree_heads',
  'sharing_log_nodes',
  'sharing_log_cosignatures',
  'disclosures',
  'disclosure_recipients',
];

/** Read by the runtime, written only by migrations. */
export const READ_ONLY_TABLES: readonly string[] = ['schema_migrations'];

// Session-level lock in the migrated database: grants of two replicas starting together would
// otherwise collide ("tuple concurrently updated"). Same key as the API's migration lock, so
// grants always follow the migrations that created the tables.
export const SCHEMA_LOCK_KEY = 74_580_001;

export interface RuntimeDatabase {
  /** The URL requests are served with. */
  url: string;
  /** The role of that URL. */
  role: string;
  /** How it was chosen. */
  source: 'DATABASE_RUNTIME_URL' | 'created' | 'DATABASE_URL';
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The password of the created runtime role: derived from the owner's password, so API and worker
 * compute the same one without storing it anywhere, and whoever can derive it already holds the
 * stronger owner credentials. No owner password (trust or peer authentication) → none.
 */
export function derivedRuntimePassword(ownerUrl: string): string | null {
  const pw = decodeURIComponent(new URL(ownerUrl).password);
  return pw ? createHmac('sha256', pw).update(`schakel-runtime-role/${RUNTIME_ROLE}`).digest('hex') : null;
}

/** DATABASE_URL with the runtime role as its user: same host, port, database and options. */
export function runtimeUrlFor(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  u.username = RUNTIME_ROLE;
  u.password = derivedRuntimePassword(ownerUrl) ?? '';
  return u.toString();
}

interface Privileges {
  superuser: boolean;
  createRole: boolean;
  ownsTables: boolean;
}

async function privilegesOf(c: Client): Promise<Privileges> {
  const { rows } = await c.query<{ rolsuper: boolean; rolcreaterole: boolean; owns: boolean }>(`
    SELECT r.rolsuper, r.rolcreaterole,
           EXISTS (SELECT 1 FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                   WHERE n.nspname = 'public' AND t.relowner = r.oid) AS owns
    FROM pg_roles r WHERE r.rolname = current_user`);
  const row = firstRow(rows, 'the current role');
  return { superuser: row.rolsuper, createRole: row.rolcreaterole, ownsTables: row.owns };
}

/** PostgreSQL roles are cluster-wide: concurrent starts on other databases may create it at the same moment. */
async function ensureRole(c: Client, password: string | null): Promise<void> {
  const attrs = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`DO $$ BEGIN CREATE ROLE ${quoteIdent(RUNTIME_ROLE)} ${attrs};
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
      const { rows } = await c.query<{ ok: boolean }>(
        `SELECT rolcanlogin AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole AND NOT rolreplication AND NOT rolbypassrls AS ok
         FROM pg_roles WHERE rolname = $1`,
        [RUNTIME_ROLE],
      );
      // Someone widened it by hand: put it back, the whole point is that it can do little.
      if (!rows[0]?.ok) await c.query(`ALTER ROLE ${quoteIdent(RUNTIME_ROLE)} ${attrs}`);
      if (password !== null && !(await canLogIn(c, password))) {
        await c.query(`ALTER ROLE ${quoteIdent(RUNTIME_ROLE)} PASSWORD '${password}'`); // hex: nothing to escape
      }
      return;
    } catch (e) {
      // "tuple concurrently updated" (XX000) / unique_violation from a parallel start: retry.
      if (attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
  }
}

async function canLogIn(owner: Client, password: string): Promise<boolean> {
  const probe = new Client({
    host: owner.host,
    port: owner.port,
    database: owner.database,
    user: RUNTIME_ROLE,
    password,
    connectionTimeoutMillis: 5000,
    ssl: (owner as unknown as { ssl?: unknown }).ssl as never,
  });
  try {
    await probe.connect();
    return true;
  } catch {
    return false;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/** Tables in schema public whose rows must never change: the list above plus whatever refuse_change() guards. */
export async function appendOnlyTables(c: Client): Promise<string[]> {
  const { rows } = await c.query<{ relname: string }>(
    `
    SELECT DISTINCT t.relname FROM pg_trigger g
      JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN pg_proc p ON p.oid = g.tgfoid
    WHERE n.nspname = 'public' AND p.proname = 'refuse_change'
    UNION SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND t.relname = ANY($1)`,
    [[...APPEND_ONLY_TABLES]],
  );
  return rows.map((r) => r.relname).sort();
}

/**
 * (Re)applies the runtime role's grants in the current database, atomically: everything revoked,
 * then DML on every table, then UPDATE/DELETE/TRUNCATE taken back on the append-only ones.
 */
export async function grantRuntimePrivileges(c: Client, role: string): Promise<void> {
  const r = quoteIdent(role);
  await c.query('BEGIN');
  try {
    const db = firstRow((await c.query<{ d: string }>('SELECT current_database() AS d')).rows, 'current_database()').d;
    await c.query(`GRANT CONNECT ON DATABASE ${quoteIdent(db)} TO ${r}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await c.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    const appendOnly = await appendOnlyTables(c);
    if (appendOnly.length) await c.query(`REVOKE UPDATE, DELETE ON ${appendOnly.map(quoteIdent).join(', ')} FROM ${r}`);
    const readOnly = (
      await c.query<{ relname: string }>(
        `SELECT relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND relname = ANY($1)`,
        [[...READ_ONLY_TABLES]],
      )
    ).rows.map((x) => x.relname);
    if (readOnly.length) await c.query(`REVOKE INSERT, UPDATE, DELETE ON ${readOnly.map(quoteIdent).join(', ')} FROM ${r}`);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/**
 * Decides which URL serves requests and makes sure its role has exactly its grants:
 * - DATABASE_RUNTIME_URL given: that one (granted to, when DATABASE_URL may grant);
 * - DATABASE_URL a superuser or allowed to create roles: Schakel creates `schakel_runtime` and uses it;
 * - otherwise DATABASE_URL is taken to be a runtime role already (an operator who migrates separately).
 * Call after migrations: grants cover the tables that exist.
 */
export async function provisionRuntimeDatabase(ownerUrl: string, runtimeUrl?: string): Promise<RuntimeDatabase> {
  const c = new Client({ connectionString: ownerUrl, application_name: 'schakel-provision' });
  await c.connect();
  try {
    const p = await privilegesOf(c);
    await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    try {
      if (runtimeUrl) {
        const role = decodeURIComponent(new URL(runtimeUrl).username);
        if (p.superuser || p.ownsTables) await grantRuntimePrivileges(c, role);
        return { url: runtimeUrl, role, source: 'DATABASE_RUNTIME_URL' };
      }
      if (p.superuser || p.createRole) {
        await ensureRole(c, derivedRuntimePassword(ownerUrl));
        await grantRuntimePrivileges(c, RUNTIME_ROLE);
        return { url: runtimeUrlFor(ownerUrl), role: RUNTIME_ROLE, source: 'created' };
      }
      if (p.ownsTables) {
        throw new Error('DATABASE_URL owns the schema but may not create roles: set DATABASE_RUNTIME_URL to a role without ownership');
      }
      return { url: ownerUrl, role: decodeURIComponent(new URL(ownerUrl).username), source: 'DATABASE_URL' };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await c.end();
  }
}
