import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli/verify-sharing-log';
import { withClient } from '../../../tools/test/test-database';
import { auth, userSession, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { acknowledgeProtocol, approval, buildWorld, referralBody, type World } from './support/world';

// Issue 9: the law as data. Legal bases with their real conditions, protocols a prosecutor approves
// with reasons (several offices when needed), §2 marking and confidentiality per protocol.
describe('the law as data', () => {
  let t: TestApp;
  let w: World;
  let protocolId: string;
  let parket: string;
  let ambulance: string;
  let caseId: string;
  let childId: string;
  let contributionId: string;
  const http = () => t.http();
  const share = (body: Record<string, unknown>, token = w.cawMember.token) =>
    http().post(`/api/v1/cases/${caseId}/contributions/${contributionId}/disclosures`).set(auth(token)).send(body);
  const justification = 'Needed to protect the children tonight.';
  const danger = 'He announced he would take the children abroad tonight.';

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    parket = w.agencies.prosecution;
    ambulance = (
      await http()
        .post('/api/v1/agencies')
        .set(auth(w.admin.token))
        .send({ name: 'Crisisteam Antwerpen', type: 'OTHER', district: 'Antwerpen', emergencyService: true })
        .expect(201)
    ).body.id;
    const p = await http()
      .post('/api/v1/protocols')
      .set(auth(w.director.token))
      .send({
        title: 'Casusoverleg IFG met parket',
        district: 'Antwerpen',
        purpose: 'Case conferences on high-risk partner violence with the prosecution office',
        agencyIds: [w.agencies.police, w.agencies.caw, parket, ambulance],
        dataCategories: ['WELFARE_SUPPORT', 'CHILD_SITUATION'],
        retentionMonths: 60,
        validFrom: '2026-01-01',
        validUntil: '2030-12-31',
        modalities: {
          inclusionCriteria: ['Children are (in)directly involved', 'Safety can no longer be guaranteed'],
          chair: 'FJC case director',
          informing: 'Persons are informed at intake unless that endangers them',
          languageRegime: 'NL',
          route: 'PROSECUTOR',
        },
      })
      .expect(201);
    protocolId = p.body.id;
    await http().post(`/api/v1/protocols/${protocolId}/submit`).set(auth(w.director.token)).send({}).expect(200);
    await http().post(`/api/v1/protocols/${protocolId}/approve`).set(auth(w.liaison.token)).send(approval('PK/2026/458ter/010')).expect(200);
    await acknowledgeProtocol(t, protocolId, [w.cawMember]);
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(protocolId)).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    for (const agencyId of [w.agencies.caw, parket, ambulance]) {
      await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId }).expect(201);
    }
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    childId = detail.body.persons.find((x: { role: string }) => x.role === 'CHILD').id;
    contributionId = (
      await http()
        .post(`/api/v1/cases/${caseId}/contributions`)
        .set(auth(w.cawMember.token))
        .send({ category: 'CHILD_SITUATION', content: 'The children stay with their grandmother on weekdays.' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /legal-bases', () => {
    it('lists every basis with the article applying today and NL/FR/EN texts, to any signed-in user', async () => {
      for (const token of [w.referrer.token, w.admin.token, w.dpo.token]) {
        const res = await http().get('/api/v1/legal-bases').set(auth(token)).expect(200);
        expect(res.body.items.map((i: { key: string }) => i.key)).toEqual([
          'CONSENT',
          'ART_458TER',
          'ART_458BIS',
          'ART_422BIS',
          'LEGAL_OBLIGATION',
          'NECESSITY',
        ]);
        for (const item of res.body.items) {
          expect(item).toMatchObject({
            reference: expect.any(String),
            title: { nl: expect.any(String), fr: expect.any(String), en: expect.any(String) },
            explanation: { nl: expect.any(String), fr: expect.any(String), en: expect.any(String) },
          });
        }
        const necessity = res.body.items.find((i: { key: string }) => i.key === 'NECESSITY');
        expect(necessity.title).toMatchObject({ nl: 'Noodtoestand', fr: 'État de nécessité' });
      }
    });

    it('gives the reference of the Code in force on the day: the new Code from 2026-04-08', async () => {
      const res = await http().get('/api/v1/legal-bases').set(auth(w.referrer.token)).expect(200);
      const ter = res.body.items.find((i: { key: string }) => i.key === 'ART_458TER');
      const today = new Date().toISOString().slice(0, 10);
      expect(ter.reference).toBe(today >= '2026-04-08' ? 'Sw. 2024, opvolger van art. 458ter Sw. (1867)' : 'art. 458ter Sw. (1867)');
      expect(ter.references.map((r: { validFrom: string }) => r.validFrom)).toEqual(['2017-07-17', '2026-04-08']);
    });

    it('needs a signed-in user', async () => {
      await http().get('/api/v1/legal-bases').expect(401);
    });
  });

  describe('conditions per legal basis', () => {
    it('ART_458BIS: prosecution only', async () => {
      const res = await share({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458BIS', personId: childId, dangerStatement: danger, justification }).expect(
        422,
      );
      expect(res.body.code).toBe('RECIPIENT_NOT_ALLOWED');
      expect(res.body.refusals[0]).toMatchObject({ code: 'RECIPIENT_NOT_ALLOWED', agencyIds: [w.agencies.police] });
    });

    it('ART_458BIS: names a person of the case', async () => {
      expect((await share({ toAgencyIds: [parket], legalBasis: 'ART_458BIS', dangerStatement: danger, justification }).expect(422)).body.code).toBe(
        'PERSON_REQUIRED',
      );
      await share({
        toAgencyIds: [parket],
        legalBasis: 'ART_458BIS',
        personId: '00000000-0000-4000-8000-000000000000',
        dangerStatement: danger,
        justification,
      }).expect(404);
    });

    it('ART_458BIS: states the danger', async () => {
      const res = await share({ toAgencyIds: [parket], legalBasis: 'ART_458BIS', personId: childId, justification }).expect(422);
      expect(res.body.code).toBe('DANGER_STATEMENT_REQUIRED');
      expect(res.body.message).toMatch(/danger/);
    });

    it('ART_458BIS: a lawful report stores the person, the danger and the legal reference', async () => {
      const res = await share({ toAgencyIds: [parket], legalBasis: 'ART_458BIS', personId: childId, dangerStatement: danger, justification }).expect(201);
      expect(res.body).toMatchObject({
        legalBasis: 'ART_458BIS',
        personId: childId,
        dangerStatement: danger,
        legalReference: expect.stringContaining('458bis'),
        useRestriction: null,
      });
      await withClient(t.db.url, async (c) => {
        const row = (await c.query('SELECT legal_reference, person_id, danger_statement FROM disclosures WHERE id = $1', [res.body.disclosureId])).rows[0];
        // The danger statement is free text: stored under the case's data key (ADR 0009), returned in clear.
        expect(row).toEqual({ legal_reference: res.body.legalReference, person_id: childId, danger_statement: expect.stringMatching(/^ck1\./) });
        expect(row.danger_statement).not.toContain(danger);
      });
    });

    it('ART_422BIS: police or an emergency service only, with a danger statement', async () => {
      expect((await share({ toAgencyIds: [parket], legalBasis: 'ART_422BIS', dangerStatement: danger, justification }).expect(422)).body.code).toBe(
        'RECIPIENT_NOT_ALLOWED',
      );
      expect((await share({ toAgencyIds: [ambulance], legalBasis: 'ART_422BIS', justification }).expect(422)).body.code).toBe('DANGER_STATEMENT_REQUIRED');
      await share({ toAgencyIds: [ambulance], legalBasis: 'ART_422BIS', dangerStatement: danger, justification }).expect(201);
    });

    it('LEGAL_OBLIGATION: cites the provision, which the log shows', async () => {
      expect((await share({ toAgencyIds: [parket], legalBasis: 'LEGAL_OBLIGATION', justification }).expect(422)).body.code).toBe('PROVISION_REQUIRED');
      const res = await share({ toAgencyIds: [parket], legalBasis: 'LEGAL_OBLIGATION', provision: 'art. 29 Sv.', justification }).expect(201);
      expect(res.body).toMatchObject({ provision: 'art. 29 Sv.', legalReference: expect.any(String) });
    });

    it('ART_458TER: carries the §2 use restriction', async () => {
      const res = await share({ toAgencyIds: [parket], legalBasis: 'ART_458TER', justification }).expect(201);
      expect(res.body.useRestriction).toMatchObject({ code: 'ART_458TER_PARA_2', text: { nl: expect.stringContaining('458ter §2') } });
      const contributions = await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.cawMember.token)).expect(200);
      expect(contributions.body.items[0].useRestriction).toMatchObject({ code: 'ART_458TER_PARA_2' });
    });

    it('shows the legal reference and the provision in the log and the export, which still verifies offline', async () => {
      const log = await http().get(`/api/v1/sharing-log?caseId=${caseId}`).set(auth(w.liaison.token)).expect(200);
      const obligation = log.body.items.find((e: { legalBasis: string }) => e.legalBasis === 'LEGAL_OBLIGATION');
      expect(obligation).toMatchObject({ provision: 'art. 29 Sv.', legalReference: expect.any(String), useRestriction: null });
      expect(log.body.items.find((e: { legalBasis: string }) => e.legalBasis === 'ART_458TER').useRestriction).toMatchObject({ code: 'ART_458TER_PARA_2' });
      const exp = await http().get('/api/v1/sharing-log/export').set(auth(w.dpo.token)).expect(200);
      const entry = exp.body.entries.find((e: { seq: number }) => e.seq === obligation.seq);
      expect(entry).toMatchObject({ legalReference: obligation.legalReference, provision: 'art. 29 Sv.' });
      const dir = mkdtempSync(join(tmpdir(), 'schakel-law-'));
      writeFileSync(join(dir, 'export.json'), JSON.stringify(exp.body));
      writeFileSync(join(dir, 'key.pem'), exp.body.publicKeyPem);
      expect(await runCli([join(dir, 'export.json'), '--public-key', join(dir, 'key.pem')], () => undefined)).toBe(0);
    });

    it('explains per basis in the share dialog when it applies and why not now', async () => {
      const res = await http()
        .get(`/api/v1/cases/${caseId}/contributions/${contributionId}/legal-bases?toAgencyIds=${w.agencies.police}`)
        .set(auth(w.cawMember.token))
        .expect(200);
      const bis = res.body.items.find((i: { legalBasis: string }) => i.legalBasis === 'ART_458BIS');
      expect(bis).toMatchObject({
        available: false,
        requiresPerson: true,
        requiresDangerStatement: true,
        appliesWhen: expect.stringContaining('prosecutor'),
        reference: expect.any(String),
      });
      expect(bis.reasons.map((r: { code: string }) => r.code)).toEqual(['RECIPIENT_NOT_ALLOWED']);
      const necessity = res.body.items.find((i: { legalBasis: string }) => i.legalBasis === 'NECESSITY');
      expect(necessity).toMatchObject({ available: true, requiresDangerStatement: true, dpoReview: true });
    });
  });

  describe('NECESSITY and the DPO review queue', () => {
    let seq: number;
    it('needs a danger statement', async () => {
      expect((await share({ toAgencyIds: [parket], legalBasis: 'NECESSITY', justification }).expect(422)).body.code).toBe('DANGER_STATEMENT_REQUIRED');
      const res = await share({ toAgencyIds: [parket], legalBasis: 'NECESSITY', dangerStatement: danger, justification }).expect(201);
      expect(res.body).toMatchObject({ legalBasis: 'NECESSITY', reviewStatus: 'PENDING' });
      seq = res.body.seq;
    });

    it('lands in the queue of the DPO and the liaison, pending', async () => {
      for (const token of [w.dpo.token, w.liaison.token]) {
        const q = await http().get('/api/v1/sharing-log/reviews').set(auth(token)).expect(200);
        expect(q.body.items).toEqual([
          expect.objectContaining({ seq, legalBasis: 'NECESSITY', reviewStatus: 'PENDING', dangerStatement: danger, review: null }),
        ]);
      }
      await http().get('/api/v1/sharing-log/reviews').set(auth(w.cawMember.token)).expect(403);
    });

    it('is reviewed by the DPO only, with a note', async () => {
      await http().post(`/api/v1/sharing-log/reviews/${seq}`).set(auth(w.liaison.token)).send({ outcome: 'REVIEWED', note: 'fine' }).expect(403);
      await http().post(`/api/v1/sharing-log/reviews/${seq}`).set(auth(w.dpo.token)).send({ outcome: 'MAYBE', note: 'fine' }).expect(400);
      await http().post('/api/v1/sharing-log/reviews/1').set(auth(w.dpo.token)).send({ outcome: 'REVIEWED', note: 'not a necessity entry' }).expect(404);
      const res = await http()
        .post(`/api/v1/sharing-log/reviews/${seq}`)
        .set(auth(w.dpo.token))
        .send({ outcome: 'QUESTIONED', note: 'Could the police have been called instead?' })
        .expect(201);
      expect(res.body).toMatchObject({ seq, reviewStatus: 'QUESTIONED' });
      const q = await http().get('/api/v1/sharing-log/reviews').set(auth(w.liaison.token)).expect(200);
      expect(q.body.items[0]).toMatchObject({
        seq,
        reviewStatus: 'QUESTIONED',
        review: { outcome: 'QUESTIONED', note: 'Could the police have been called instead?' },
      });
      const pending = await http().get('/api/v1/sharing-log/reviews?status=PENDING').set(auth(w.dpo.token)).expect(200);
      expect(pending.body.items).toEqual([]);
    });
  });

  describe('protocols a prosecutor approves with reasons', () => {
    const draft = (over: Record<string, unknown> = {}) =>
      http()
        .post('/api/v1/protocols')
        .set(auth(w.director.token))
        .send({
          title: 'Casusoverleg Brussel',
          district: 'Antwerpen',
          purpose: 'Bilingual case conferences on partner violence with children involved',
          agencyIds: [w.agencies.police, w.agencies.caw],
          dataCategories: ['WELFARE_SUPPORT'],
          retentionMonths: 24,
          validFrom: '2026-01-01',
          ...over,
        })
        .expect(201)
        .then((r) => r.body as { id: string });
    const submit = (id: string) => http().post(`/api/v1/protocols/${id}/submit`).set(auth(w.director.token)).send({}).expect(200);

    it('refuses an approval without a motivation: 422 MOTIVATION_REQUIRED', async () => {
      const p = await draft();
      await submit(p.id);
      const res = await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send({ reference: 'PK/1' }).expect(422);
      expect(res.body.code).toBe('MOTIVATION_REQUIRED');
      expect(
        (await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send({ reference: 'PK/1', motivation: '  ' }).expect(422)).body.code,
      ).toBe('MOTIVATION_REQUIRED');
      const ok = await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/1')).expect(200);
      expect(ok.body).toMatchObject({
        status: 'APPROVED',
        reference: 'PK/1',
        motivation: approval('PK/1').motivation,
        approvals: [expect.objectContaining({ agencyId: parket, reference: 'PK/1' })],
      });
    });

    it('needs every named prosecution office (NL and FR) before it is approved', async () => {
      const fr = (
        await http()
          .post('/api/v1/agencies')
          .set(auth(w.admin.token))
          .send({ name: 'Parquet de Bruxelles', type: 'PROSECUTION', district: 'Brussel' })
          .expect(201)
      ).body.id;
      const frLiaison = await userSession(t, w.admin, fr, ['prosecutor_liaison']);
      await http()
        .post('/api/v1/protocols')
        .set(auth(w.director.token))
        .send({
          title: 'x-x',
          district: 'Antwerpen',
          purpose: 'approvers must be prosecution',
          agencyIds: [w.agencies.police],
          dataCategories: ['WELFARE_SUPPORT'],
          retentionMonths: 24,
          validFrom: '2026-01-01',
          approverAgencyIds: [w.agencies.caw],
        })
        .expect(400);
      const p = await draft({
        approverAgencyIds: [parket, fr],
        modalities: {
          inclusionCriteria: ['Children involved'],
          chair: 'safe.brussels project lead',
          informing: 'At intake',
          languageRegime: 'BILINGUAL',
          route: 'PROSECUTOR',
        },
      });
      await submit(p.id);
      // The FR office's liaison is of another district, yet sees and approves the protocol naming their office.
      await http().get(`/api/v1/protocols/${p.id}`).set(auth(frLiaison.token)).expect(200);
      const first = await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(frLiaison.token)).send(approval('PDR/2026/1')).expect(200);
      expect(first.body).toMatchObject({ status: 'SUBMITTED', pendingApproverAgencyIds: [parket], modalities: { languageRegime: 'BILINGUAL' } });
      expect((await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(frLiaison.token)).send(approval('PDR/2026/1')).expect(409)).body.code).toBe(
        'ALREADY_APPROVED',
      );
      const second = await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/2026/2')).expect(200);
      expect(second.body).toMatchObject({ status: 'APPROVED', inForce: true, pendingApproverAgencyIds: [] });
      expect(second.body.approvals.map((a: { agencyId: string }) => a.agencyId).sort()).toEqual([parket, fr].sort());
      expect(second.body.events.map((e: { type: string }) => e.type)).toEqual(['SUBMITTED', 'APPROVAL', 'APPROVED']);
    });

    it('refuses an approval by an office that is not named', async () => {
      const other = (
        await http().post('/api/v1/agencies').set(auth(w.admin.token)).send({ name: 'Parket Limburg', type: 'PROSECUTION', district: 'Antwerpen' }).expect(201)
      ).body.id;
      const p = await draft({ approverAgencyIds: [other] });
      await submit(p.id);
      expect((await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/3')).expect(403)).body.code).toBe(
        'NOT_AN_APPROVER',
      );
    });

    it('suspends and lifts with reasons, both logged', async () => {
      const p = await draft();
      await submit(p.id);
      await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/4')).expect(200);
      await http().post(`/api/v1/protocols/${p.id}/suspension/lift`).set(auth(w.liaison.token)).send({ reason: 'not suspended' }).expect(409);
      await http().post(`/api/v1/protocols/${p.id}/suspend`).set(auth(w.liaison.token)).send({ reason: 'Data breach under investigation' }).expect(200);
      await http().post(`/api/v1/protocols/${p.id}/suspension/lift`).set(auth(w.liaison.token)).send({}).expect(400);
      await http().post(`/api/v1/protocols/${p.id}/suspension/lift`).set(auth(w.director.token)).send({ reason: 'done' }).expect(403);
      const lifted = await http()
        .post(`/api/v1/protocols/${p.id}/suspension/lift`)
        .set(auth(w.liaison.token))
        .send({ reason: 'Breach contained, measures taken' })
        .expect(200);
      expect(lifted.body).toMatchObject({ status: 'APPROVED', inForce: true });
      expect(lifted.body.events.map((e: { type: string; reason: string | null }) => [e.type, e.reason])).toEqual([
        ['SUBMITTED', null],
        ['APPROVED', approval('PK/4').motivation],
        ['SUSPENDED', 'Data breach under investigation'],
        ['SUSPENSION_LIFTED', 'Breach contained, measures taken'],
      ]);
    });

    it('lets a rejected protocol be revised and resubmitted', async () => {
      const p = await draft();
      await submit(p.id);
      await http().post(`/api/v1/protocols/${p.id}/reject`).set(auth(w.liaison.token)).send({ reason: 'Purpose too broad' }).expect(200);
      const edited = await http()
        .patch(`/api/v1/protocols/${p.id}`)
        .set(auth(w.director.token))
        .send({ purpose: 'Only high-risk partner violence with children involved' })
        .expect(200);
      expect(edited.body.status).toBe('REJECTED');
      const again = await submit(p.id);
      expect(again.body.status).toBe('SUBMITTED');
      await http().post(`/api/v1/protocols/${p.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/5')).expect(200);
      await http()
        .patch(`/api/v1/protocols/${p.id}`)
        .set(auth(w.director.token))
        .send({ purpose: 'Changed after approval is refused' })
        .expect((r) => expect([403, 409]).toContain(r.status));
    });

    it('moves open cases to an approved amendment, with a timeline entry', async () => {
      const amendment = await http().post(`/api/v1/protocols/${protocolId}/amend`).set(auth(w.director.token)).send({}).expect(201);
      await submit(amendment.body.id);
      await http().post(`/api/v1/protocols/${amendment.body.id}/approve`).set(auth(w.liaison.token)).send(approval('PK/2026/458ter/010-2')).expect(200);
      const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
      expect(detail.body.protocolId).toBe(amendment.body.id);
      const timeline = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
      expect(timeline.body.items.at(-1)).toMatchObject({
        type: 'PROTOCOL_REVISION',
        detail: { fromProtocolId: protocolId, toProtocolId: amendment.body.id, revision: 2 },
      });
      // The acknowledgement of the earlier revision still counts.
      await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.cawMember.token)).expect(200);
    });
  });

  describe('confidentiality per protocol', () => {
    let newcomer: Session;
    beforeAll(async () => {
      newcomer = await userSession(t, w.admin, parket, ['agency_member']);
    });

    it('shows a partner who has not acknowledged the reference, stage and roles only', async () => {
      const res = await http().get(`/api/v1/cases/${caseId}`).set(auth(newcomer.token)).expect(200);
      expect(res.body).toMatchObject({ reference: expect.any(String), stage: 'DOSSIERVORMING', limited: true, confidentiality: { acknowledged: false } });
      expect(res.body.persons.length).toBe(3);
      for (const person of res.body.persons) expect(Object.keys(person).sort()).toEqual(['id', 'limited', 'role']);
      expect(JSON.stringify(res.body)).not.toMatch(/Van den Broeck|Janssens|strangled/);
    });

    it('lists the case with its reference and stage only', async () => {
      const res = await http().get('/api/v1/cases').set(auth(newcomer.token)).expect(200);
      const row = res.body.items.find((c: { id: string }) => c.id === caseId);
      expect(row).toMatchObject({ reference: expect.any(String), stage: 'DOSSIERVORMING', limited: true });
      expect(row.redFlags).toBeUndefined();
    });

    it.each(['timeline', 'decisions', 'contributions', 'consents', 'actions', 'risk-assessments', 'evaluations'])(
      'answers GET /cases/:id/%s with 403 CONFIDENTIALITY_NOT_ACKNOWLEDGED',
      async (route) => {
        const res = await http().get(`/api/v1/cases/${caseId}/${route}`).set(auth(newcomer.token)).expect(403);
        expect(res.body.code).toBe('CONFIDENTIALITY_NOT_ACKNOWLEDGED');
      },
    );

    it('refuses writing content too until acknowledged', async () => {
      const res = await http()
        .post(`/api/v1/cases/${caseId}/contributions`)
        .set(auth(newcomer.token))
        .send({ category: 'WELFARE_SUPPORT', content: 'x' })
        .expect(403);
      expect(res.body.code).toBe('CONFIDENTIALITY_NOT_ACKNOWLEDGED');
    });

    it('does not hold back the referring or directing agency', async () => {
      await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.policeMember.token)).expect(200);
      const colleague = await userSession(t, w.admin, w.agencies.fjc, ['case_director']);
      await http()
        .get(`/api/v1/cases/${caseId}`)
        .set(auth(colleague.token))
        .expect(200)
        .expect((r) => expect(r.body.limited).toBe(false));
    });

    it('lets the partner read the case once acknowledged, and lists them for the liaison and the DPO', async () => {
      const statement = await http().get(`/api/v1/protocols/${protocolId}/confidentiality`).set(auth(newcomer.token)).expect(200);
      expect(statement.body).toMatchObject({
        statementVersion: 1,
        statement: { nl: expect.stringContaining('458ter'), fr: expect.any(String) },
        acknowledgedAt: null,
      });
      const ack = await http().post(`/api/v1/protocols/${protocolId}/acknowledgements`).set(auth(newcomer.token)).send({}).expect(201);
      expect(ack.body).toMatchObject({ protocolId, userId: newcomer.id, statementVersion: 1, acknowledgedAt: expect.any(String) });
      const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(newcomer.token)).expect(200);
      expect(detail.body.limited).toBe(false);
      const listed = await http().get('/api/v1/cases').set(auth(newcomer.token)).expect(200);
      expect(listed.body.items.find((c: { id: string }) => c.id === caseId).limited).toBe(false);
      expect(detail.body.persons.some((x: { lastName: string }) => x.lastName === 'Janssens')).toBe(true);
      for (const route of ['timeline', 'decisions', 'contributions', 'consents', 'actions', 'risk-assessments', 'evaluations']) {
        await http().get(`/api/v1/cases/${caseId}/${route}`).set(auth(newcomer.token)).expect(200);
      }
      for (const token of [w.liaison.token, w.dpo.token]) {
        const list = await http().get(`/api/v1/protocols/${protocolId}/access-list`).set(auth(token)).expect(200);
        expect(list.body.items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ userId: newcomer.id, acknowledgedAt: ack.body.acknowledgedAt, current: true }),
            expect.objectContaining({ userId: w.cawMember.id, acknowledgedAt: expect.any(String) }),
          ]),
        );
      }
      await http().get(`/api/v1/protocols/${protocolId}/access-list`).set(auth(w.director.token)).expect(403);
    });

    it('refuses an acknowledgement by a user of an agency that did not sign', async () => {
      await http().post(`/api/v1/protocols/${protocolId}/acknowledgements`).set(auth(w.outsider.token)).send({}).expect(404);
    });
  });
});
