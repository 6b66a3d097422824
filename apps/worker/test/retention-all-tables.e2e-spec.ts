import { Pool } from 'pg';
import { auth } from '../../api/test/support/sessions';
import { startTestApp, type TestApp } from '../../api/test/support/test-app';
import { TEXT, walkFullCase, type FullCase } from '../../api/test/support/full-case';
import { buildWorld, type World } from '../../api/test/support/world';
import { withClient } from '../../../tools/test/test-database';
import { anonymiseExpiredCases } from '../src/housekeeping/retention.task';

/** Every table that holds case data, with the count of rows of the case that must be gone after retention. */
const ERASED_TABLES = [
  'persons',
  'consents',
  'notices',
  'risk_assessments',
  'conference_items',
  'person_relationships',
  'person_disclosures',
  'person_data_requests',
];

describe('retention over every table of a case walked through the chain', () => {
  let t: TestApp;
  let w: World;
  let full: FullCase;
  let pool: Pool;
  const http = () => t.http();
  const count = (table: string) =>
    withClient(t.db.url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [full.caseId])).rows[0].n as number);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    full = await walkFullCase(t, w);
    pool = new Pool({ connectionString: t.db.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await t.close();
  });

  it('seeds a row in every table first', async () => {
    for (const table of ERASED_TABLES) expect({ table, n: (await count(table)) > 0 }).toEqual({ table, n: true });
  });

  it('leaves a case alone until its retention period has passed, then erases it through each module', async () => {
    expect(await anonymiseExpiredCases(pool)).toBe(0);
    await withClient(t.db.url, (c) => c.query(`UPDATE cases SET closed_at = now() - interval '61 months' WHERE id = $1`, [full.caseId]));
    expect(await anonymiseExpiredCases(pool)).toBe(1);
    for (const table of ERASED_TABLES) expect({ table, n: await count(table) }).toEqual({ table, n: 0 });
    const row = await withClient(t.db.url, (c) => c.query(`SELECT summary, police_reference, anonymised_at FROM cases WHERE id = $1`, [full.caseId]));
    expect(row.rows[0]).toMatchObject({ summary: null, police_reference: null, anonymised_at: expect.any(Date) });
    const content = await withClient(t.db.url, (c) =>
      c.query(`SELECT count(*)::int AS n FROM contributions WHERE case_id = $1 AND content IS NOT NULL`, [full.caseId]),
    );
    expect(content.rows[0].n).toBe(0);
    const key = await withClient(t.db.url, (c) => c.query(`SELECT wrapped_key FROM case_keys WHERE case_id = $1`, [full.caseId]));
    expect(key.rows[0].wrapped_key).toBeNull();
  });

  it('shows the remaining free text as erased through the API, and the sharing log still verifies', async () => {
    const timeline = await http().get(`/api/v1/cases/${full.caseId}/timeline`).set(auth(w.director.token)).expect(200);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['REFERRED', 'DISCLOSURE', 'ANONYMISED']));
    expect(JSON.stringify(timeline.body)).not.toContain(TEXT.victimFirst);
    expect(timeline.body.items.every((e: { reason: string | null }) => e.reason === null)).toBe(true);
    const decisions = await http().get(`/api/v1/cases/${full.caseId}/decisions`).set(auth(w.director.token)).expect(200);
    expect(decisions.body.items[0].rationale).toBeNull();
    const actions = await http().get(`/api/v1/cases/${full.caseId}/actions`).set(auth(w.cawMember.token)).expect(200);
    expect(actions.body.items[0].description).toBeNull();
    const evaluations = await http().get(`/api/v1/cases/${full.caseId}/evaluations`).set(auth(w.director.token)).expect(200);
    expect(evaluations.body.items[0].summary).toBeNull();
    const verify = await http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200);
    expect(verify.body.valid).toBe(true);
    expect(await anonymiseExpiredCases(pool)).toBe(0);
  });
});
