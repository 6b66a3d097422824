import { withClient } from '../../../tools/test/test-database';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

/** Issue 11, sixth group: every read of case content and logs, and every refused attempt, in the access log. */
describe('hardening: access log completeness and anomalies', () => {
  let t: TestApp;
  let w: World;
  let caseIds: string[];
  const http = () => t.http();
  const entries = async (userId: string) =>
    (
      await withClient(t.db.url, (c) =>
        c.query('SELECT case_id, resource, resource_id, outcome, status FROM access_log WHERE user_id = $1 ORDER BY id', [userId]),
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    caseIds = [];
    for (let i = 0; i < 3; i++) {
      const r = await http()
        .post('/api/v1/referrals')
        .set(auth(w.referrer.token))
        .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'Persoon', lastName: `Nummer${i}` }] }))
        .expect(201);
      caseIds.push(r.body.caseId);
    }
    await http().post(`/api/v1/cases/${caseIds[0]}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseIds[0]}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs reads of decisions, actions, evaluations and the sharing log', async () => {
    const [caseId] = caseIds;
    await http().get(`/api/v1/cases/${caseId}/decisions`).set(auth(w.director.token)).expect(200);
    await http().get(`/api/v1/cases/${caseId}/actions`).set(auth(w.cawMember.token)).expect(200);
    await http().get(`/api/v1/cases/${caseId}/evaluations`).set(auth(w.cawMember.token)).expect(200);
    expect(await entries(w.director.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ case_id: caseId, resource: 'DECISIONS', outcome: 'READ' })]),
    );
    expect(await entries(w.cawMember.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ case_id: caseId, resource: 'ACTIONS', outcome: 'READ' }),
        expect.objectContaining({ case_id: caseId, resource: 'EVALUATIONS', outcome: 'READ' }),
      ]),
    );
  });

  it('logs the cases on a page of the sharing log', async () => {
    const [caseId] = caseIds;
    const c = await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested twice.' })
      .expect(201);
    await http()
      .post(`/api/v1/cases/${caseId}/contributions/${c.body.id}/disclosures`)
      .set(auth(w.cawMember.token))
      .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: 'Needed to plan the safety of the children' })
      .expect(201);
    const page = await http().get('/api/v1/sharing-log').set(auth(w.dpo.token)).expect(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    const rows = await entries(w.dpo.id);
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ case_id: caseId, resource: 'SHARING_LOG', outcome: 'READ' })]));
  });

  it('logs a case detail read once, not twice', async () => {
    const caseId = caseIds[1]!;
    await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    const rows = (await entries(w.director.id)).filter((r) => r.case_id === caseId);
    expect(rows).toHaveLength(1);
  });

  it('logs refused attempts, also on ids that are no case', async () => {
    const caseId = caseIds[2]!;
    await http().get(`/api/v1/cases/${caseId}`).set(auth(w.outsider.token)).expect(404);
    const ghost = '00000000-0000-4000-8000-000000000000';
    await http().get(`/api/v1/cases/${ghost}/decisions`).set(auth(w.outsider.token)).expect(404);
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.admin.token)).send({ to: 'DOSSIERVORMING', reason: 'x' }).expect(403);
    expect(await entries(w.outsider.id)).toEqual([
      expect.objectContaining({ case_id: caseId, resource: 'CASE', outcome: 'DENIED', status: 404 }),
      expect.objectContaining({ case_id: null, resource: 'DECISIONS', resource_id: ghost, outcome: 'DENIED', status: 404 }),
    ]);
    expect(await entries(w.admin.id)).toEqual([expect.objectContaining({ case_id: caseId, resource: 'TRANSITIONS', outcome: 'DENIED', status: 403 })]);
    const list = await http().get(`/api/v1/access-log?outcome=DENIED&userId=${w.outsider.id}`).set(auth(w.dpo.token)).expect(200);
    expect(list.body.items).toHaveLength(2);
  });

  it('shows the DPO a user who read many cases in a short time', async () => {
    for (const id of caseIds) await http().get(`/api/v1/cases/${id}`).set(auth(w.referrer.token)).expect(200);
    const res = await http().get('/api/v1/access-log/anomalies?minCases=3&windowMinutes=60').set(auth(w.dpo.token)).expect(200);
    expect(res.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ userId: w.referrer.id, reason: 'MANY_CASES', distinctCases: 3 })]));
    expect(res.body.items.map((i: { userId: string }) => i.userId)).not.toContain(w.cawMember.id);
    await http().get('/api/v1/access-log/anomalies').set(auth(w.director.token)).expect(403);
  });
});
