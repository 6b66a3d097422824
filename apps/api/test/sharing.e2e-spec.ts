import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/verify-sharing-log';
import { withClient } from '../../../tools/test/test-database';
import { auth, userSession } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { acknowledgeProtocol, buildWorld, referralBody, type World } from './support/world';

describe('consent, lawful sharing under art. 458ter and the sharing log', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  let victimId: string;
  let contributionId: string;
  const http = () => t.http();
  const share = (body: Record<string, unknown>, token = w.cawMember.token, cid = contributionId, kase = caseId) =>
    http().post(`/api/v1/cases/${kase}/contributions/${cid}/disclosures`).set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    victimId = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM').id;
    const c = await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested twice in 2025.' })
      .expect(201);
    contributionId = c.body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a basis other than consent without a written justification', async () => {
    const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER' }).expect(422);
    expect(res.body.code).toBe('JUSTIFICATION_REQUIRED');
  });

  it('refuses a receiving agency that is not part of the case', async () => {
    const res = await share({
      toAgencyIds: [w.agencies.outsider],
      legalBasis: 'ART_458TER',
      justification: 'Needed to plan the safety of the children',
    }).expect(422);
    expect(res.body.code).toBe('AGENCY_NOT_IN_CASE');
  });

  it('refuses a data category the protocol does not allow', async () => {
    const res = await share({
      toAgencyIds: [w.agencies.police],
      legalBasis: 'ART_458TER',
      justification: 'Needed to plan the safety',
      categories: ['HEALTH'],
    }).expect(422);
    expect(res.body.code).toBe('CATEGORY_NOT_ALLOWED');
  });

  it('refuses a consent basis without a consent record', async () => {
    const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'CONSENT' }).expect(422);
    expect(res.body.code).toBe('CONSENT_MISSING');
  });

  it('refuses a consent that does not cover the receiving agencies', async () => {
    const consent = await http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(auth(w.cawMember.token))
      .send({ personId: victimId, status: 'GIVEN', method: 'WRITTEN', scope: { agencyIds: [w.agencies.fjc], dataCategories: ['WELFARE_SUPPORT'] } })
      .expect(201);
    const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'CONSENT', consentId: consent.body.id }).expect(422);
    expect(res.body.code).toBe('CONSENT_OUT_OF_SCOPE');
  });

  it('shares with consent, and only the receiving agency can read it', async () => {
    const consent = await http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(auth(w.cawMember.token))
      .send({
        personId: victimId,
        status: 'GIVEN',
        method: 'WRITTEN',
        scope: { agencyIds: [w.agencies.police], dataCategories: ['WELFARE_SUPPORT'] },
        evidence: 'signed form 2026-11-21',
      })
      .expect(201);
    const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'CONSENT', consentId: consent.body.id }).expect(201);
    expect(res.body).toMatchObject({
      seq: 1,
      legalBasis: 'CONSENT',
      toAgencyIds: [w.agencies.police],
      categories: ['WELFARE_SUPPORT'],
      prevHash: '0'.repeat(64),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const police = await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.policeMember.token)).expect(200);
    expect(police.body.items.map((c: { content: string }) => c.content)).toEqual(['Shelter requested twice in 2025.']);
    const director = await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.director.token)).expect(200);
    expect(director.body.items).toHaveLength(0);

    // Withdrawal stops its use from that moment.
    await http()
      .post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdraw`)
      .set(auth(w.cawMember.token))
      .send({ reason: 'victim changed her mind' })
      .expect(200);
    const after = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'CONSENT', consentId: consent.body.id }).expect(422);
    expect(after.body.code).toBe('CONSENT_WITHDRAWN');
    const list = await http().get(`/api/v1/cases/${caseId}/consents`).set(auth(w.cawMember.token)).expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === consent.body.id).status).toBe('WITHDRAWN');
  });

  it('lets only the author agency share its contribution', async () => {
    await share({ toAgencyIds: [w.agencies.caw], legalBasis: 'ART_458TER', justification: 'Passing it on to the welfare centre' }, w.policeMember.token).expect(
      403,
    );
    await share({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Passing it on to the police' }, w.outsider.token).expect(404);
  });

  it('shows the share dialog which legal bases are possible now', async () => {
    const res = await http()
      .get(`/api/v1/cases/${caseId}/contributions/${contributionId}/legal-bases?toAgencyIds=${w.agencies.police}`)
      .set(auth(w.cawMember.token))
      .expect(200);
    const byBasis = Object.fromEntries(res.body.items.map((i: { legalBasis: string; available: boolean }) => [i.legalBasis, i.available]));
    expect(byBasis.CONSENT).toBe(false); // the only consent covering the police was withdrawn
    expect(byBasis.ART_458TER).toBe(true);
    const art = res.body.items.find((i: { legalBasis: string }) => i.legalBasis === 'ART_458TER');
    expect(art.requiresJustification).toBe(true);
    const outsider = await http()
      .get(`/api/v1/cases/${caseId}/contributions/${contributionId}/legal-bases?toAgencyIds=${w.agencies.outsider}`)
      .set(auth(w.cawMember.token))
      .expect(200);
    expect(outsider.body.items.every((i: { available: boolean }) => !i.available)).toBe(true);
    expect(outsider.body.items[1].reasons.map((r: { code: string }) => r.code)).toContain('AGENCY_NOT_IN_CASE');
  });

  it('records notices: informed, or withheld with a justification', async () => {
    await http()
      .post(`/api/v1/cases/${caseId}/notices`)
      .set(auth(w.cawMember.token))
      .send({ personId: victimId, informedAt: '2026-11-21T10:00:00+01:00', method: 'IN_PERSON' })
      .expect(201);
    const bad = await http().post(`/api/v1/cases/${caseId}/notices`).set(auth(w.cawMember.token)).send({ personId: victimId, withheld: true }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('justification');
    const withheld = await http()
      .post(`/api/v1/cases/${caseId}/notices`)
      .set(auth(w.cawMember.token))
      .send({ personId: victimId, withheld: true, justification: 'Informing the alleged perpetrator would endanger the victim' })
      .expect(201);
    expect(withheld.body.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps 50 concurrent disclosures in one unbroken chain', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => share({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: `Safety planning, round ${i}` })),
    );
    expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const seqs = results.map((r) => r.body.seq).sort((a: number, b: number) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const v = await http().get('/api/v1/sharing-log/verify').set(auth(w.liaison.token)).expect(200);
    expect(v.body).toMatchObject({ valid: true, entries: 51, treeSize: 51, rootHash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    // A signed checkpoint after every append.
    expect(v.body.checkpoint).toMatchObject({ size: 51, valid: true });
  });

  it('scopes the log: the liaison of the district, the case agencies, and nobody else', async () => {
    const liaison = await http().get('/api/v1/sharing-log?limit=200').set(auth(w.liaison.token)).expect(200);
    expect(liaison.body.items).toHaveLength(51);
    expect(liaison.body.items[0]).toMatchObject({ fromAgency: { id: w.agencies.caw, name: 'CAW Antwerpen' }, caseReference: expect.stringMatching(/^CO-/) });
    expect(JSON.stringify(liaison.body)).not.toContain('Shelter requested');
    const police = await http().get(`/api/v1/sharing-log?caseId=${caseId}&limit=5`).set(auth(w.policeMember.token)).expect(200);
    expect(police.body.items).toHaveLength(5);
    expect(police.body.nextCursor).toEqual(expect.any(String));
    const outsider = await http().get('/api/v1/sharing-log').set(auth(w.outsider.token)).expect(200);
    expect(outsider.body.items).toHaveLength(0);
    await http().get('/api/v1/sharing-log').set(auth(w.admin.token)).expect(403);
  });

  it('refuses UPDATE and DELETE on the log in the database itself', async () => {
    await expect(withClient(t.db.url, (c) => c.query(`UPDATE sharing_log SET justification = 'x' WHERE seq = 1`))).rejects.toThrow(/append-only/);
    await expect(withClient(t.db.url, (c) => c.query(`DELETE FROM sharing_log WHERE seq = 1`))).rejects.toThrow(/append-only/);
    await expect(withClient(t.db.url, (c) => c.query(`DELETE FROM disclosures`))).rejects.toThrow(/append-only/);
  });

  it('verifies an honest export offline, and rejects an altered one', async () => {
    const exp = await http().get('/api/v1/sharing-log/export').set(auth(w.dpo.token)).expect(200);
    expect(exp.body.checkpoint).toMatchObject({ size: 51, origin: 'schakel.local/sharing-log', note: expect.stringContaining('\n51\n') });
    const dir = mkdtempSync(join(tmpdir(), 'schakel-export-'));
    const file = join(dir, 'export.json');
    const key = join(dir, 'key.pem');
    writeFileSync(file, JSON.stringify(exp.body));
    writeFileSync(key, exp.body.publicKeyPem);
    const out: string[] = [];
    expect(await runCli([file, '--public-key', key], (s) => out.push(s))).toBe(0);
    const altered = JSON.parse(readFileSync(file, 'utf8'));
    altered.entries[6].legalBasis = 'CONSENT';
    writeFileSync(file, JSON.stringify(altered));
    const bad: string[] = [];
    expect(await runCli([file, '--public-key', key], (s) => bad.push(s))).toBe(1);
    expect(bad.join('\n')).toContain('seq 7');
  });

  it("withholds other districts' entries from a liaison's export, which still verifies offline", async () => {
    // A disclosure in another district (Gent).
    const mk = (name: string, type: string) =>
      http()
        .post('/api/v1/agencies')
        .set(auth(w.admin.token))
        .send({ name, type, district: 'Gent' })
        .expect(201)
        .then((r) => r.body.id as string);
    const [gPolice, gCaw, gFjc] = [await mk('PZ Gent', 'POLICE'), await mk('CAW Gent', 'CAW'), await mk('FJC Gent', 'FAMILY_JUSTICE_CENTRE')];
    const gDirector = await userSession(t, w.admin, gFjc, ['case_director']);
    const gReferrer = await userSession(t, w.admin, gPolice, ['referrer']);
    const gMember = await userSession(t, w.admin, gCaw, ['agency_member']);
    const p = await http()
      .post('/api/v1/protocols')
      .set(auth(gDirector.token))
      .send({
        title: 'Casusoverleg Gent',
        district: 'Gent',
        purpose: 'Case conferences in Gent on partner violence',
        agencyIds: [gPolice, gCaw],
        dataCategories: ['WELFARE_SUPPORT'],
        retentionMonths: 24,
        validFrom: '2026-01-01',
      })
      .expect(201);
    await http().post(`/api/v1/protocols/${p.body.id}/submit`).set(auth(gDirector.token)).send({}).expect(200);
    // Only a liaison of the Gent district approves a Gent protocol.
    const gentParket = await mk('Parket Gent', 'PROSECUTION');
    const gentLiaison = await userSession(t, w.admin, gentParket, ['prosecutor_liaison']);
    await http()
      .post(`/api/v1/protocols/${p.body.id}/approve`)
      .set(auth(gentLiaison.token))
      .send({ reference: 'PK/GENT/1', motivation: 'Gent conference protocol meets the art. 458ter requirements.' })
      .expect(200);
    const r = await http()
      .post('/api/v1/referrals')
      .set(auth(gReferrer.token))
      .send(referralBody(p.body.id, { persons: [{ role: 'VICTIM', firstName: 'Gentse', lastName: 'Persoon' }] }))
      .expect(201);
    await http().post(`/api/v1/cases/${r.body.caseId}/transitions`).set(auth(gDirector.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${r.body.caseId}/agencies`).set(auth(gDirector.token)).send({ agencyId: gCaw }).expect(201);
    await acknowledgeProtocol(t, p.body.id, [gMember]);
    const c = await http()
      .post(`/api/v1/cases/${r.body.caseId}/contributions`)
      .set(auth(gMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Gent info' })
      .expect(201);
    const shared = await share(
      { toAgencyIds: [gPolice], legalBasis: 'ART_458TER', justification: 'Secret Gent justification text' },
      gMember.token,
      c.body.id,
      r.body.caseId,
    ).expect(201);

    const exp = await http().get('/api/v1/sharing-log/export').set(auth(w.liaison.token)).expect(200);
    const gentEntry = exp.body.entries.find((e: { seq: number }) => e.seq === shared.body.seq);
    expect(gentEntry).toEqual({ seq: shared.body.seq, prevHash: expect.any(String), hash: shared.body.hash, redacted: true, leafHash: expect.any(String) });
    expect(JSON.stringify(exp.body)).not.toContain('Secret Gent justification');
    const dir = mkdtempSync(join(tmpdir(), 'schakel-export-'));
    writeFileSync(join(dir, 'export.json'), JSON.stringify(exp.body));
    writeFileSync(join(dir, 'key.pem'), exp.body.publicKeyPem);
    const out: string[] = [];
    expect(await runCli([join(dir, 'export.json'), '--public-key', join(dir, 'key.pem')], (s) => out.push(s))).toBe(0);
    expect(out.join('\n')).toMatch(/1 entries outside your scope were withheld/);
    const dpo = await http().get('/api/v1/sharing-log/export').set(auth(w.dpo.token)).expect(200);
    expect(dpo.body.entries.some((e: { redacted?: boolean }) => e.redacted)).toBe(false);
  });

  it('names the first tampered entry when a superuser bypasses the trigger', async () => {
    await withClient(t.db.url, async (c) => {
      await c.query('ALTER TABLE sharing_log DISABLE TRIGGER sharing_log_append_only');
      await c.query(`UPDATE sharing_log SET to_agency_ids = ARRAY[$1::uuid] WHERE seq = 12`, [w.agencies.outsider]);
      await c.query('ALTER TABLE sharing_log ENABLE TRIGGER sharing_log_append_only');
    });
    const v = await http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200);
    expect(v.body).toMatchObject({ valid: false, firstBrokenSeq: 12 });
  });

  it('refuses sharing after closure with CASE_CLOSED', async () => {
    const r = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'Lien', lastName: 'Maes' }] }))
      .expect(201);
    await http().post(`/api/v1/cases/${r.body.caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    const c = await http()
      .post(`/api/v1/cases/${r.body.caseId}/contributions`)
      .set(auth(w.director.token))
      .send({ category: 'RISK_ASSESSMENT', content: 'High risk' })
      .expect(201);
    await withClient(t.db.url, (db) => db.query(`UPDATE cases SET stage = 'AFGESLOTEN', closure_reason = 'COMPLETED' WHERE id = $1`, [r.body.caseId]));
    const res = await share(
      { toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'After closure, must be refused' },
      w.director.token,
      c.body.id,
      r.body.caseId,
    ).expect(422);
    expect(res.body.code).toBe('CASE_CLOSED');
  });

  it('refuses sharing under a suspended protocol with PROTOCOL_NOT_IN_FORCE', async () => {
    await http().post(`/api/v1/protocols/${w.protocolId}/suspend`).set(auth(w.liaison.token)).send({ reason: 'Protocol under review' }).expect(200);
    const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Protocol is suspended now' }).expect(422);
    expect(res.body.code).toBe('PROTOCOL_NOT_IN_FORCE');
  });
});
