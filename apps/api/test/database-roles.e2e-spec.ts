import { DataSource } from 'typeorm';
import { RUNTIME_ROLE, runtimeUrlFor } from '@schakel/platform';
import { withClient } from '../../../tools/test/test-database';
import { startTestApp, type TestApp } from './support/test-app';

// The attack: with the API's own database credentials, disable the log's triggers and rewrite it.
describe('least privilege: requests run as a runtime role that cannot rewrite the logs', () => {
  let t: TestApp;
  let runtimeUrl: string;
  const asRuntime = <T>(sql: string, params: unknown[] = []) => withClient(runtimeUrl, (c) => c.query(sql, params)) as Promise<T>;

  beforeAll(async () => {
    t = await startTestApp();
    runtimeUrl = runtimeUrlFor(t.db.url);
    // One log row to aim at, written as the superuser (what it holds does not matter here).
    await withClient(t.db.url, (c) =>
      c.query(`INSERT INTO sharing_log (seq, at, case_id, protocol_id, district, case_agency_ids, from_agency_id, from_user_id,
      to_agency_ids, legal_basis, categories, prev_hash, hash) VALUES (1, now(), gen_random_uuid(), gen_random_uuid(), 'Antwerpen', '{}', gen_random_uuid(),
      gen_random_uuid(), '{}', 'ART_458TER', '{}', repeat('0', 64), repeat('1', 64))`),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves requests as the runtime role, which is no superuser and owns nothing', async () => {
    const ds = t.app.get(DataSource);
    expect((await ds.query('SELECT current_user AS u'))[0].u).toBe(RUNTIME_ROLE);
    const role = await withClient(t.db.url, (c) =>
      c.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
      (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owned FROM pg_roles r WHERE rolname = $1`,
        [RUNTIME_ROLE],
      ),
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, owned: 0 });
  });

  it.each([
    ['ALTER TABLE … DISABLE TRIGGER', 'ALTER TABLE sharing_log DISABLE TRIGGER sharing_log_append_only', /must be owner/],
    ['UPDATE', `UPDATE sharing_log SET district = 'Gent' WHERE seq = 1`, /permission denied/],
    ['DELETE', 'DELETE FROM sharing_log WHERE seq = 1', /permission denied/],
    ['TRUNCATE', 'TRUNCATE sharing_log', /permission denied/],
    ['DROP TABLE', 'DROP TABLE sharing_log CASCADE', /must be owner/],
    ['UPDATE on disclosures', `UPDATE disclosures SET justification = 'x'`, /permission denied/],
    ['DELETE on checkpoints', 'DELETE FROM sharing_log_checkpoints', /permission denied/],
    ['DELETE on tree heads', 'DELETE FROM sharing_log_tree_heads', /permission denied/],
    ['UPDATE on cosignatures', `UPDATE sharing_log_cosignatures SET name = 'x'`, /permission denied/],
    ['CREATE TABLE', 'CREATE TABLE sneaky (id int)', /permission denied/],
    // The append lock and the head are read through this function: replacing it could skip the lock or hand the writer another head.
    [
      'CREATE OR REPLACE FUNCTION',
      `CREATE OR REPLACE FUNCTION sharing_log_lock_head(lock_key bigint)
      RETURNS TABLE (log_size text, size text, root_hash bytea, chain_head text, frontier bytea, note text, signed_at timestamptz)
      LANGUAGE sql AS $$ SELECT NULL::text, NULL::text, NULL::bytea, NULL::text, NULL::bytea, NULL::text, NULL::timestamptz $$`,
      /permission denied|must be owner/,
    ],
    ['DROP FUNCTION', 'DROP FUNCTION sharing_log_lock_head(bigint)', /must be owner/],
    ['SET ROLE postgres', 'SET ROLE postgres', /permission denied/],
  ])('refuses %s', async (_what, sql, error) => {
    await expect(asRuntime(sql)).rejects.toThrow(error);
    const row = await withClient(t.db.url, (c) => c.query('SELECT district FROM sharing_log WHERE seq = 1'));
    expect(row.rows[0].district).toBe('Antwerpen');
  });

  it('may read and append the log, and change ordinary tables', async () => {
    await expect(asRuntime('SELECT count(*) FROM sharing_log')).resolves.toBeDefined();
    await expect(asRuntime(`UPDATE users SET failed_logins = failed_logins WHERE false`)).resolves.toBeDefined();
  });

  it('is re-provisioned idempotently when the app starts again on the same database', async () => {
    const again = await startTestApp({ DATABASE_URL: t.db.url });
    try {
      await again.http().get('/api/health').expect(200);
    } finally {
      await again.app.close();
      await again.db.drop();
    }
  });
});
