import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

describe('reminders: overdue actions and evaluations due', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await t.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    const move = (to: string) => t.http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to, reason: 'test' }).expect(200);
    await move('DOSSIERVORMING');
    await t.http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    await t
      .http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'known' })
      .expect(201);
    await move('WEGING');
    await t.http().post(`/api/v1/cases/${caseId}/decisions`).set(auth(w.director.token)).send({ type: 'INCLUDE', rationale: 'high risk' }).expect(201);
    await move('CASUSREGIE');
    await t
      .http()
      .post(`/api/v1/cases/${caseId}/actions`)
      .set(auth(w.director.token))
      .send({ description: 'Follow-up visit', ownerAgencyId: w.agencies.caw, dueDate: '2026-01-05', measure: 'FOLLOW_UP_VISIT' })
      .expect(201);
    await move('UITVOERING');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the owning agency its overdue action, by reference and measure only', async () => {
    const res = await t.http().get('/api/v1/me/reminders').set(auth(w.cawMember.token)).expect(200);
    expect(res.body.actions).toEqual([expect.objectContaining({ caseId, measure: 'FOLLOW_UP_VISIT', dueDate: '2026-01-05', overdue: true })]);
    expect(JSON.stringify(res.body)).not.toContain('Follow-up visit');
  });

  it('tells the case director the case is due for evaluation', async () => {
    const res = await t.http().get('/api/v1/me/reminders').set(auth(w.director.token)).expect(200);
    expect(res.body.evaluationsDue.map((e: { caseId: string }) => e.caseId)).toEqual([caseId]);
  });

  it('shows nothing to an agency without actions', async () => {
    const res = await t.http().get('/api/v1/me/reminders').set(auth(w.outsider.token)).expect(200);
    expect(res.body).toEqual({ actions: [], evaluationsDue: [] });
  });
});
