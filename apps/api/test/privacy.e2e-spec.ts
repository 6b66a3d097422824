import { execFileSync } from 'node:child_process';
import { withClient } from '../../../tools/test/test-database';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { TEXT, walkFullCase } from './support/full-case';
import { buildWorld, type World } from './support/world';

/** Collects a binary body (supertest only buffers text and JSON by itself). */
function binary(res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('privacy: free text encrypted under per-case keys, erasure by key destruction, the person export', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  let victimId: string;
  let conferenceId: string;
  const http = () => t.http();

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('walks a case through the whole chain with free text everywhere', async () => {
    ({ caseId, victimId, conferenceId } = await walkFullCase(t, w));
    expect(conferenceId).toEqual(expect.any(String));
    // Readable through the API by those who may read it.
    const timeline = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
    expect(timeline.body.items.map((e: { reason: string | null }) => e.reason)).toEqual(
      expect.arrayContaining([TEXT.transition, TEXT.decision, TEXT.evaluation]),
    );
    const decisions = await http().get(`/api/v1/cases/${caseId}/decisions`).set(auth(w.director.token)).expect(200);
    expect(decisions.body.items[0].rationale).toBe(TEXT.decision);
    const consents = await http().get(`/api/v1/cases/${caseId}/consents`).set(auth(w.cawMember.token)).expect(200);
    expect(consents.body.items.map((x: { evidence: string }) => x.evidence)).toContain(TEXT.evidence);
    expect(consents.body.notices.map((x: { justification: string | null }) => x.justification)).toContain(TEXT.notice);
  });

  it('leaves none of the names, addresses or sentences in a pg_dump', () => {
    const dump = execFileSync('pg_dump', [t.db.url], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    expect(dump).toContain('COPY public.case_keys');
    expect(dump).toContain('CAW Antwerpen'); // the probe finds plaintext where there is some
    // The sharing log keeps only a keyed commitment of each justification; the disclosure tables keep
    // the text (and the commitment key) under the case's data key.
    expect(dump).toContain('COPY public.sharing_log');
    for (const [key, text] of Object.entries(TEXT)) {
      const probe = text.length > 30 ? text.slice(0, 30) : text;
      expect({ key, found: dump.includes(probe) }).toEqual({ key, found: false });
    }
  });

  it('exports everything held about a person for the DPO, as JSON and PDF, with a reasoned restriction', async () => {
    await http().get(`/api/v1/persons/${victimId}/export`).set(auth(w.director.token)).expect(403);
    const res = await http().get(`/api/v1/persons/${victimId}/export`).set(auth(w.dpo.token)).expect(200);
    expect(res.body).toMatchObject({
      format: 'schakel-person-export/1',
      person: {
        firstName: TEXT.victimFirst,
        lastName: TEXT.victimLast,
        address: TEXT.address,
        phone: TEXT.phone,
        nationalNumber: TEXT.nationalNumber,
        informed: true,
        consentGiven: true,
      },
      case: { stage: 'AFGESLOTEN' },
      restrictions: null,
    });
    expect(res.body.relationships).toEqual([
      { type: 'PARTNER', violence: 'ONE_WAY', direction: 'TOWARDS_THIS_PERSON', otherPersonRole: 'ALLEGED_PERPETRATOR' },
    ]);
    expect(res.body.consents.map((c: { evidence: string }) => c.evidence)).toContain(TEXT.evidence);
    expect(res.body.disclosures).toEqual([expect.objectContaining({ from: 'FJC Antwerpen', to: ['CAW Antwerpen'], categories: ['CONTACT'] })]);
    expect(res.body.sharingLog.map((e: { to: string[] }) => e.to)).toEqual([['PZ Antwerpen'], ['CAW Antwerpen']]);
    expect(res.body.accessLog.length).toBeGreaterThan(0);
    expect(res.body.accessLog[0]).toEqual(expect.objectContaining({ reader: expect.any(String), agency: expect.any(String), what: expect.any(String) }));
    expect(res.body.riskAssessments).toEqual([expect.objectContaining({ level: 'VERY_HIGH' })]);
    expect(JSON.stringify(res.body)).not.toContain(TEXT.perpFirst);

    const noReason = await http().get(`/api/v1/persons/${victimId}/export?restrict=accessLog`).set(auth(w.dpo.token)).expect(400);
    expect(JSON.stringify(noReason.body)).toContain('restrictionReason');
    const restricted = await http()
      .get(`/api/v1/persons/${victimId}/export`)
      .query({ restrict: 'accessLog,sharingLog', restrictionReason: 'Telling her who read the file would reveal the shelter staff' })
      .set(auth(w.dpo.token))
      .expect(200);
    expect(restricted.body.accessLog).toBeUndefined();
    expect(restricted.body.sharingLog).toBeUndefined();
    expect(restricted.body.restrictions).toEqual({
      sections: ['accessLog', 'sharingLog'],
      reason: 'Telling her who read the file would reveal the shelter staff',
    });

    const pdf = await http()
      .get(`/api/v1/persons/${victimId}/export?format=pdf`)
      .set(auth(w.dpo.token))
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const log = await http().get(`/api/v1/access-log?caseId=${caseId}`).set(auth(w.dpo.token)).expect(200);
    expect(log.body.items.map((e: { resource: string }) => e.resource)).toContain('PERSON_EXPORT');
  });

  it('erases on a DPO order by destroying the case key: every field unreadable, the log still verifies', async () => {
    await http().post(`/api/v1/cases/${caseId}/erasure`).set(auth(w.director.token)).send({ reason: 'Data subject request of 2026-11-29' }).expect(403);
    await http().post(`/api/v1/cases/${caseId}/legal-hold`).set(auth(w.dpo.token)).send({ hold: true, reason: 'pending appeal' }).expect(200);
    const held = await http().post(`/api/v1/cases/${caseId}/erasure`).set(auth(w.dpo.token)).send({ reason: 'Data subject request of 2026-11-29' }).expect(422);
    expect(held.body.code).toBe('LEGAL_HOLD');
    await http().post(`/api/v1/cases/${caseId}/legal-hold`).set(auth(w.dpo.token)).send({ hold: false, reason: 'appeal decided' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/erasure`).set(auth(w.dpo.token)).send({ reason: 'short' }).expect(400);

    // Ring-encrypted fields added by casework (urgent danger statement, a later incident's PV number).
    await withClient(t.db.url, async (c) => {
      await c.query(`UPDATE cases SET danger_statement = 'v1.sealed-danger' WHERE id = $1`, [caseId]);
      await c.query(
        `INSERT INTO case_incidents (case_id, incident_date, types, police_reference, agency_id, added_by) VALUES ($1, '2026-11-01', '{PHYSICAL}', 'v1.sealed-pv', $2, $3)`,
        [caseId, w.referrer.agencyId, w.referrer.id],
      );
    });
    const erased = await http()
      .post(`/api/v1/cases/${caseId}/erasure`)
      .set(auth(w.dpo.token))
      .send({ reason: 'Data subject request of 2026-11-29' })
      .expect(200);
    expect(erased.body).toMatchObject({ caseId, erasedAt: expect.any(String) });
    const again = await http()
      .post(`/api/v1/cases/${caseId}/erasure`)
      .set(auth(w.dpo.token))
      .send({ reason: 'Data subject request of 2026-11-29' })
      .expect(409);
    expect(again.body.code).toBe('ALREADY_ERASED');

    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    expect(detail.body).toMatchObject({ erased: true, persons: [], stage: 'AFGESLOTEN', closureReason: 'COMPLETED' });
    const timeline = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
    expect(timeline.body.erased).toBe(true);
    expect(timeline.body.items.every((e: { reason: string | null }) => e.reason === null)).toBe(true);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['REFERRED', 'TRANSITION', 'DECISION', 'DISCLOSURE', 'ERASED']),
    );
    const decisions = await http().get(`/api/v1/cases/${caseId}/decisions`).set(auth(w.director.token)).expect(200);
    expect(decisions.body.items).toEqual([expect.objectContaining({ type: 'INCLUDE', rationale: null })]);
    const actions = await http().get(`/api/v1/cases/${caseId}/actions`).set(auth(w.cawMember.token)).expect(200);
    expect(actions.body.items).toEqual([expect.objectContaining({ measure: 'SHELTER', description: null })]);
    const evaluations = await http().get(`/api/v1/cases/${caseId}/evaluations`).set(auth(w.director.token)).expect(200);
    expect(evaluations.body.items).toEqual([expect.objectContaining({ outcome: 'CLOSE', summary: null })]);
    for (const path of ['contributions', 'risk-assessments', 'relationships', 'data-requests']) {
      const res = await http().get(`/api/v1/cases/${caseId}/${path}`).set(auth(w.cawMember.token)).expect(200);
      expect({ path, items: res.body.items }).toEqual({ path, items: [] });
    }
    const consents = await http().get(`/api/v1/cases/${caseId}/consents`).set(auth(w.cawMember.token)).expect(200);
    expect([consents.body.items, consents.body.notices]).toEqual([[], []]);
    await http().get(`/api/v1/persons/${victimId}/export`).set(auth(w.dpo.token)).expect(404);
    await http().post(`/api/v1/cases/${caseId}/persons`).set(auth(w.director.token)).send({ role: 'CHILD', firstName: 'A', lastName: 'B' }).expect(422);

    const verify = await http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200);
    expect(verify.body).toMatchObject({ valid: true, entries: 2 });
    const keys = await withClient(t.db.url, (c) => c.query('SELECT wrapped_key, destroyed_at, destruction_reason FROM case_keys WHERE case_id = $1', [caseId]));
    expect(keys.rows[0]).toMatchObject({ wrapped_key: null, destroyed_at: expect.any(Date) });
    expect(keys.rows[0].destruction_reason).not.toContain('Data subject');
    // The sealed text is still there in append-only rows, but nothing can open it any more.
    const sealed = await withClient(t.db.url, (c) => c.query('SELECT justification FROM disclosures WHERE case_id = $1', [caseId]));
    expect(sealed.rows[0].justification).toMatch(/^ck1\./);
    const ring = await withClient(t.db.url, (c) =>
      c.query(
        `SELECT c.summary, c.police_reference, c.danger_statement, i.police_reference AS pv
      FROM cases c LEFT JOIN case_incidents i ON i.case_id = c.id WHERE c.id = $1`,
        [caseId],
      ),
    );
    expect(ring.rows).toEqual([{ summary: null, police_reference: null, danger_statement: null, pv: null }]);
  });
});
