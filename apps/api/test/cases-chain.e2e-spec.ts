import { withClient } from '../../../tools/test/test-database';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

describe('a case through the chain, from referral to closure', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  const http = () => t.http();
  const move = (to: string, token = w.director.token) =>
    http()
      .post(`/api/v1/cases/${caseId}/transitions`)
      .set(auth(token))
      .send({ to, reason: `moving to ${to}` });
  const guardCodes = (res: { body: { unmetGuards?: { code: string }[] } }) => (res.body.unmetGuards ?? []).map((g) => g.code);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a referral under a protocol that is not approved', async () => {
    const draft = await http()
      .post('/api/v1/protocols')
      .set(auth(w.director.token))
      .send({
        title: 'Draft protocol',
        district: 'Antwerpen',
        purpose: 'Not yet approved by the prosecutor',
        agencyIds: [w.agencies.police],
        dataCategories: ['IDENTIFICATION'],
        retentionMonths: 12,
        validFrom: '2026-01-01',
      })
      .expect(201);
    const res = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(draft.body.id)).expect(422);
    expect(res.body.code).toBe('NO_APPROVED_PROTOCOL');
  });

  it('validates the referral and names the fields', async () => {
    const res = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { persons: [{ role: 'NEIGHBOUR', firstName: '', lastName: 'X' }], redFlags: ['RF99'] }))
      .expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['persons.0.role', 'persons.0.firstName', 'redFlags']));
  });

  it('refuses a national number whose check digits are wrong, naming the field', async () => {
    const person = { role: 'VICTIM', firstName: 'Élise', lastName: 'Van den Broeck', nationalNumber: '91.03.14-123.45' };
    const res = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { persons: [person] }))
      .expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'persons.0.nationalNumber', message: expect.stringContaining('check digits') })]);
  });

  it('files a referral: AANMELDING with a human reference, not a repeat', async () => {
    const res = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    expect(res.body).toEqual({ caseId: expect.any(String), reference: expect.stringMatching(/^CO-\d{4}-\d{5}$/), stage: 'AANMELDING', repeatReferral: false });
    caseId = res.body.caseId;
  });

  it('keeps identity columns unreadable in the database', async () => {
    const rows = await withClient(t.db.url, (c) =>
      c.query('SELECT first_name, last_name, birth_date, national_number, address FROM persons WHERE case_id = $1', [caseId]),
    );
    const dump =
      JSON.stringify(rows.rows) +
      JSON.stringify((await withClient(t.db.url, (c) => c.query('SELECT summary, police_reference FROM cases WHERE id = $1', [caseId]))).rows);
    for (const secret of ['Élise', 'Van den Broeck', 'Janssens', '1991-03-14', '91031412331', 'Kerkstraat', 'strangled', 'AN.12.L1'])
      expect(dump).not.toContain(secret);
  });

  it('shows the referrer only the reference and stage', async () => {
    const res = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.referrer.token)).expect(200);
    expect(res.body).toEqual({
      id: caseId,
      reference: expect.any(String),
      stage: 'AANMELDING',
      closureReason: null,
      createdAt: expect.any(String),
      limited: true,
    });
    await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.referrer.token)).expect(403);
  });

  it('shows the new referral to a case director of a signatory agency, decrypted', async () => {
    const list = await http().get('/api/v1/cases?stage=AANMELDING').set(auth(w.director.token)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const res = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    expect(res.body.persons.map((p: { firstName: string }) => p.firstName)).toEqual(['Élise', 'Marc', 'Noor']);
    expect(res.body.summary).toContain('strangled');
    expect(res.body.nextStages).toEqual(['DOSSIERVORMING', 'AFGESLOTEN']);
  });

  it('flags a repeat referral of the same person without disclosing the other case', async () => {
    const again = referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'elise', lastName: 'VAN DEN BROECK', birthDate: '1991-03-14' }] });
    const res = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(again).expect(201);
    expect(res.body.repeatReferral).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain(caseId);
    const other = await http().get(`/api/v1/cases/${res.body.caseId}`).set(auth(w.referrer.token)).expect(200);
    expect(JSON.stringify(other.body)).not.toContain(caseId);
  });

  it('accepts the referral: the director and their agency join the case', async () => {
    const res = await move('DOSSIERVORMING').expect(200);
    expect(res.body.stage).toBe('DOSSIERVORMING');
    expect(res.body.directorId).toBe(w.director.id);
  });

  it('invites signatories only', async () => {
    const refused = await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.nonSignatory }).expect(422);
    expect(refused.body.code).toBe('AGENCY_NOT_SIGNATORY');
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const twice = await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(409);
    expect(twice.body.code).toBe('AGENCY_ALREADY_IN_CASE');
  });

  it('refuses weighing until every invited agency contributed', async () => {
    const res = await move('WEGING').expect(409);
    expect(res.body.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(guardCodes(res)).toEqual(['CONTRIBUTIONS_MISSING']);
    expect(res.body.unmetGuards[0].message).toEqual(expect.any(String));
  });

  it('keeps a contribution inside its agency', async () => {
    await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Victim known to CAW since 2024; shelter requested twice.' })
      .expect(201);
    const own = await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.cawMember.token)).expect(200);
    expect(own.body.items).toHaveLength(1);
    const police = await http().get(`/api/v1/cases/${caseId}/contributions`).set(auth(w.policeMember.token)).expect(200);
    expect(police.body.items).toHaveLength(0);
    const dump = await withClient(t.db.url, (c) => c.query('SELECT content FROM contributions'));
    expect(JSON.stringify(dump.rows)).not.toContain('shelter');
  });

  it('moves to weighing, and refuses case direction without an INCLUDE decision', async () => {
    await move('WEGING').expect(200);
    const res = await move('CASUSREGIE').expect(409);
    expect(guardCodes(res)).toEqual(['INCLUSION_DECISION_MISSING']);
    await http()
      .post(`/api/v1/cases/${caseId}/decisions`)
      .set(auth(w.director.token))
      .send({ type: 'INCLUDE', rationale: 'High risk: strangulation and children present' })
      .expect(201);
    await move('CASUSREGIE').expect(200);
    const decisions = await http().get(`/api/v1/cases/${caseId}/decisions`).set(auth(w.cawMember.token)).expect(200);
    expect(decisions.body.items).toEqual([expect.objectContaining({ type: 'INCLUDE', decidedBy: w.director.id, decidedByName: expect.any(String) })]);
  });

  it('refuses execution without an owned action with a due date', async () => {
    const res = await move('UITVOERING').expect(409);
    expect(guardCodes(res)).toEqual(['OWNED_ACTION_MISSING']);
    const bad = await http()
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(auth(w.director.token))
      .send({ description: 'Safety plan', ownerAgencyId: w.agencies.outsider, dueDate: '2030-01-10', measure: 'SAFETY_PLAN' })
      .expect(422);
    expect(bad.body.code).toBe('AGENCY_NOT_IN_CASE');
    await http()
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(auth(w.director.token))
      .send({ description: 'Safety plan with the victim', ownerAgencyId: w.agencies.caw, dueDate: '2030-01-10', measure: 'SAFETY_PLAN' })
      .expect(201);
    await move('UITVOERING').expect(200);
  });

  it('refuses evaluation before an action is done or due, then allows it', async () => {
    const res = await move('EVALUATIE').expect(409);
    expect(guardCodes(res)).toEqual(['NO_ACTION_DONE_OR_DUE']);
    const actions = await http().get(`/api/v1/cases/${caseId}/actions`).set(auth(w.cawMember.token)).expect(200);
    const action = actions.body.items[0];
    const stale = await http()
      .patch(`/api/v1/cases/${caseId}/actions/${action.id}`)
      .set(auth(w.cawMember.token))
      .send({ status: 'DONE', version: action.version + 5 })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    await http()
      .patch(`/api/v1/cases/${caseId}/actions/${action.id}`)
      .set(auth(w.cawMember.token))
      .send({ status: 'DONE', version: action.version })
      .expect(200);
    await move('EVALUATIE').expect(200);
  });

  it('sends a CONTINUE evaluation back to case direction', async () => {
    const res = await http()
      .post(`/api/v1/cases/${caseId}/evaluations`)
      .set(auth(w.director.token))
      .send({ outcome: 'CONTINUE', summary: 'Plan partly done' })
      .expect(201);
    expect(res.body.caseStage).toBe('CASUSREGIE');
    await move('UITVOERING').expect(200);
    await move('EVALUATIE').expect(200);
  });

  it('refuses closing without a CLOSE evaluation, then closes as COMPLETED', async () => {
    const res = await move('AFGESLOTEN').expect(409);
    expect(guardCodes(res)).toEqual(['CLOSING_EVALUATION_MISSING']);
    await http().post(`/api/v1/cases/${caseId}/evaluations`).set(auth(w.director.token)).send({ outcome: 'CLOSE', summary: 'Safety restored' }).expect(201);
    const closed = await move('AFGESLOTEN').expect(200);
    expect(closed.body).toMatchObject({ stage: 'AFGESLOTEN', closureReason: 'COMPLETED' });
    const illegal = await move('WEGING').expect(409);
    expect(guardCodes(illegal)).toEqual(['ILLEGAL_STEP']);
    const late = await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'OTHER', content: 'late' })
      .expect(422);
    expect(late.body.code).toBe('CASE_CLOSED');
  });

  it('records every step in the timeline, in order, with who and why', async () => {
    const res = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
    const types = res.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('REFERRED');
    expect(types).toEqual(expect.arrayContaining(['AGENCY_INVITED', 'CONTRIBUTION_ADDED', 'DECISION', 'ACTION_CREATED', 'ACTION_UPDATED', 'EVALUATION']));
    const transitions = res.body.items.filter((e: { type: string }) => e.type === 'TRANSITION').map((e: { detail: { to: string } }) => e.detail.to);
    expect(transitions).toEqual(['DOSSIERVORMING', 'WEGING', 'CASUSREGIE', 'UITVOERING', 'EVALUATIE', 'CASUSREGIE', 'UITVOERING', 'EVALUATIE', 'AFGESLOTEN']);
    expect(res.body.items.every((e: { actor: unknown }) => e.actor)).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('shelter');
  });

  it('answers 404 on every case route to an agency outside the case', async () => {
    const o = auth(w.outsider.token);
    const routes: [string, string, object?][] = [
      ['get', `/api/v1/cases/${caseId}`],
      ['get', `/api/v1/cases/${caseId}/timeline`],
      ['get', `/api/v1/cases/${caseId}/contributions`],
      ['post', `/api/v1/cases/${caseId}/contributions`, { category: 'OTHER', content: 'x' }],
      ['get', `/api/v1/cases/${caseId}/actions`],
      ['post', `/api/v1/cases/${caseId}/actions`, { description: 'xyz', ownerAgencyId: w.agencies.outsider, dueDate: '2030-01-01', measure: 'OTHER' }],
      ['patch', `/api/v1/cases/${caseId}/actions/00000000-0000-4000-8000-000000000000`, { status: 'DONE', version: 1 }],
    ];
    for (const [method, path, body] of routes) {
      const req = (http() as unknown as Record<string, (p: string) => import('supertest').Test>)[method]!(path).set(o);
      const res = await (body ? req.send(body) : req);
      expect([path, res.status]).toEqual([path, 404]);
    }
    const list = await http().get('/api/v1/cases').set(o).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('logs reads of case content for the DPO', async () => {
    const res = await http().get(`/api/v1/access-log?caseId=${caseId}`).set(auth(w.dpo.token)).expect(200);
    expect(res.body.items.map((i: { resource: string }) => i.resource)).toEqual(expect.arrayContaining(['CASE', 'CONTRIBUTIONS', 'TIMELINE']));
  });

  it('declines a referral at intake with closure reason DECLINED', async () => {
    const r = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'Anna', lastName: 'Peeters' }] }))
      .expect(201);
    const res = await http()
      .post(`/api/v1/cases/${r.body.caseId}/transitions`)
      .set(auth(w.director.token))
      .send({ to: 'AFGESLOTEN', reason: 'Not a high-risk situation' })
      .expect(200);
    expect(res.body.closureReason).toBe('DECLINED');
    const evaluations = await http().get(`/api/v1/cases/${caseId}/evaluations`).set(auth(w.director.token)).expect(200);
    expect(evaluations.body.items.map((e: { outcome: string }) => e.outcome)).toEqual(['CONTINUE', 'CLOSE']);
  });
});
