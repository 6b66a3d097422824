import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES } from '@schakel/platform';
import { NIGHTLY_HOUSEKEEPING } from '../src/housekeeping/housekeeping.scheduler';
import { withClient } from '../../../tools/test/test-database';
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, publicKeyFromPrivate, sealEntry, verifyNoteSignature } from '@schakel/platform';
import { runWorker, TEST_SIGNING_KEY, waitForJobRun, type RunningWorker } from './support/run-worker';

describe('worker on the BullMQ PostgreSQL backend (no Redis)', () => {
  let w: RunningWorker;
  beforeAll(async () => {
    w = await runWorker();
  });
  afterAll(async () => {
    await w.close();
  });

  it('registers the nightly housekeeping job scheduler', async () => {
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain(NIGHTLY_HOUSEKEEPING);
    expect(schedulers.find((s) => s.key === NIGHTLY_HOUSEKEEPING)).toMatchObject({ pattern: '0 3 * * *', tz: 'Europe/Brussels' });
  });

  it('processes a housekeeping job from producer to processor and records the run', async () => {
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    await queue.add('manual-housekeeping', {});
    const run = await waitForJobRun(w.db.url, 'manual-housekeeping');
    expect(Object.keys(run.result).sort()).toEqual([
      'casesAnonymised',
      'expiredLockoutsCleared',
      'jobRunsPruned',
      'refreshTokensPurged',
      'sharingLogCheckpointSeq',
    ]);
  });

  it("purges spent refresh tokens, clears run-out lockouts and prunes old job runs, counting each (the identity and jobs modules' statements)", async () => {
    const user = await withClient(w.db.url, async (c) => {
      const agency = (await c.query(`INSERT INTO agencies (name, type, district, version) VALUES ('A', 'CAW', 'X', 1) RETURNING id`)).rows[0].id;
      const id = (
        await c.query(
          `INSERT INTO users (email, display_name, agency_id, roles, version, failed_logins, locked_until)
        VALUES (gen_random_uuid()::text, 'U', $1, '{referrer}', 1, 5, now() - interval '1 minute') RETURNING id`,
          [agency],
        )
      ).rows[0].id as string;
      await c.query(
        `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at) VALUES (gen_random_uuid(), $1, 'spent', now() - interval '2 days'), (gen_random_uuid(), $1, 'live', now() + interval '2 days')`,
        [id],
      );
      await c.query(
        `INSERT INTO job_runs (queue, job_name, started_at, finished_at) VALUES ('housekeeping', 'ancient', now() - interval '100 days', now() - interval '100 days')`,
      );
      return id;
    });
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    await queue.add('cleanup-run', {});
    const run = await waitForJobRun(w.db.url, 'cleanup-run');
    expect(run.result).toMatchObject({ refreshTokensPurged: 1, expiredLockoutsCleared: 1, jobRunsPruned: 1 });
    const state = await withClient(w.db.url, async (c) => ({
      tokens: (await c.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1`, [user])).rows.map((r) => r.token_hash),
      account: (await c.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [user])).rows[0],
      ancient: (await c.query(`SELECT count(*)::int AS n FROM job_runs WHERE job_name = 'ancient'`)).rows[0].n,
    }));
    expect(state).toEqual({ tokens: ['live'], account: { failed_logins: 0, locked_until: null }, ancient: 0 });
  });

  it('anonymises a closed case after its retention period, unless it is on legal hold', async () => {
    const seed = async (closedMonthsAgo: number, hold: boolean) =>
      withClient(w.db.url, async (c) => {
        const agency = (await c.query(`INSERT INTO agencies (name, type, district, version) VALUES ('A', 'CAW', 'X', 1) RETURNING id`)).rows[0].id;
        const user = (
          await c.query(
            `INSERT INTO users (email, display_name, agency_id, roles, version) VALUES (gen_random_uuid()::text, 'U', $1, '{referrer}', 1) RETURNING id`,
            [agency],
          )
        ).rows[0].id;
        const protocol = (
          await c.query(
            `INSERT INTO protocols (title, district, purpose, data_categories, retention_months, valid_from, status, created_by, version)
        VALUES ('P', 'X', 'purpose of it', '{OTHER}', 12, '2020-01-01', 'APPROVED', $1, 1) RETURNING id`,
            [user],
          )
        ).rows[0].id;
        const kase = (
          await c.query(
            `INSERT INTO cases (reference, protocol_id, stage, summary, incident_date, incident_types, informed, consent_given, referrer_id, referring_agency_id, version, closure_reason, closed_at, legal_hold)
        VALUES (gen_random_uuid()::text, $1, 'AFGESLOTEN', 'cipher', '2020-01-01', '{PHYSICAL}', true, true, $2, $3, 1, 'COMPLETED', now() - make_interval(months => $4), $5) RETURNING id`,
            [protocol, user, agency, closedMonthsAgo, hold],
          )
        ).rows[0].id;
        await c.query(`INSERT INTO persons (case_id, role, first_name, last_name, blind_index) VALUES ($1, 'VICTIM', 'x', 'y', 'z')`, [kase]);
        await c.query(`INSERT INTO contributions (case_id, agency_id, author_id, category, content) VALUES ($1, $2, $3, 'OTHER', 'cipher')`, [
          kase,
          agency,
          user,
        ]);
        return kase as string;
      });
    const expired = await seed(13, false);
    const held = await seed(13, true);
    const recent = await seed(2, false);
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    await queue.add('retention-run', {});
    await waitForJobRun(w.db.url, 'retention-run');
    const state = await withClient(w.db.url, (c) =>
      c.query(
        `SELECT c.id, c.anonymised_at IS NOT NULL AS anonymised, c.summary, (SELECT count(*)::int FROM persons p WHERE p.case_id = c.id) AS persons,
              (SELECT count(*)::int FROM contributions x WHERE x.case_id = c.id AND x.content IS NOT NULL) AS contents
       FROM cases c WHERE c.id = ANY($1)`,
        [[expired, held, recent]],
      ),
    );
    const byId = Object.fromEntries(state.rows.map((r) => [r.id, r]));
    expect(byId[expired]).toMatchObject({ anonymised: true, summary: null, persons: 0, contents: 0 });
    expect(byId[held]).toMatchObject({ anonymised: false, persons: 1, contents: 1 });
    expect(byId[recent]).toMatchObject({ anonymised: false, persons: 1 });
  });

  it('seals a moved sharing-log head with a signed checkpoint after verifying it, once; never over a broken chain', async () => {
    const agency = await withClient(
      w.db.url,
      async (c) => (await c.query(`INSERT INTO agencies (name, type, district, version) VALUES ('A', 'CAW', 'X', 1) RETURNING id`)).rows[0].id as string,
    );
    // A v1 entry, as written before tree heads existed: the worker verifies it, then signs.
    const entry = sealEntry(GENESIS_HASH, {
      seq: 1,
      at: '2026-11-23T12:00:00.000Z',
      caseId: randomUUID(),
      protocolId: randomUUID(),
      contributionId: null,
      fromAgencyId: agency,
      fromUserId: randomUUID(),
      toAgencyIds: [],
      legalBasis: 'ART_458TER',
      categories: ['OTHER'],
      justification: 'x',
      consentId: null,
    });
    const insert = (e: typeof entry) =>
      withClient(w.db.url, (c) =>
        c.query(
          `INSERT INTO sharing_log (seq, at, case_id, protocol_id, district, case_agency_ids, from_agency_id, from_user_id, to_agency_ids, legal_basis, categories, justification, prev_hash, hash)
       VALUES ($1, $2, $3, $4, 'X', '{}', $5, $6, '{}', 'ART_458TER', '{OTHER}', $7, $8, $9)`,
          [e.seq, e.at, e.caseId, e.protocolId, e.fromAgencyId, e.fromUserId, e.justification, e.prevHash, e.hash],
        ),
      );
    await insert(entry);
    const queue = w.app.get<Queue>(getQueueToken(QUEUE_NAMES.housekeeping));
    await queue.add('checkpoint-run', {});
    const run = await waitForJobRun(w.db.url, 'checkpoint-run');
    expect(run.result.sharingLogCheckpointSeq).toBe(1);
    const heads = (await withClient(w.db.url, (c) => c.query(`SELECT size, note FROM sharing_log_tree_heads`))).rows;
    expect(heads).toHaveLength(1);
    expect(verifyNoteSignature(heads[0].note, 'schakel.local/sharing-log', publicKeyFromPrivate(TEST_SIGNING_KEY))).toBe(true);
    await queue.add('checkpoint-again', {});
    expect((await waitForJobRun(w.db.url, 'checkpoint-again')).result.sharingLogCheckpointSeq).toBe(0);

    // A row whose hash does not check out is never sealed.
    await insert({ ...entry, seq: 2, prevHash: entry.hash, hash: 'a'.repeat(64) });
    await queue.add('checkpoint-broken', {});
    await new Promise((r) => setTimeout(r, 3000));
    expect((await withClient(w.db.url, (c) => c.query(`SELECT max(size)::int AS s FROM sharing_log_tree_heads`))).rows[0].s).toBe(1);
  });
});
