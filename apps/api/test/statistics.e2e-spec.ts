import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

describe('steering-group statistics and the legal hold', () => {
  let t: TestApp;
  let w: World;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    for (let i = 0; i < 6; i++) {
      const r = await t
        .http()
        .post('/api/v1/referrals')
        .set(auth(w.referrer.token))
        .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: `Person${i}`, lastName: 'Stat' }] }))
        .expect(201);
      ids.push(r.body.caseId);
    }
    for (const id of ids.slice(0, 5)) {
      await t.http().post(`/api/v1/cases/${id}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts per stage and suppresses cells under 5, and the cell that would give them away', async () => {
    const res = await t.http().get('/api/v1/statistics/overview').set(auth(w.liaison.token)).expect(200);
    expect(res.body.scope.district).toBe('Antwerpen');
    expect(res.body.minimumCell).toBe(5);
    expect(res.body.totalCases).toBe(6);
    const stage = Object.fromEntries(res.body.perStage.map((s: { stage: string; count: number | null }) => [s.stage, s.count]));
    // 5 next to a total of 6 would give the hidden 1 away: the 5 is hidden too.
    expect(stage).toEqual({ AANMELDING: null, DOSSIERVORMING: null });
    expect(res.body.perReferringAgencyType).toEqual([{ agencyType: 'POLICE', count: 6 }]);
    expect(res.body.withheld).toEqual([]);
    const intake = res.body.medianDaysPerStage.find((d: { stage: string }) => d.stage === 'AANMELDING');
    expect(intake).toMatchObject({ cases: null, medianDays: expect.any(Number) });
  });

  it('keeps another district out of the figures', async () => {
    const res = await t.http().get('/api/v1/statistics/overview?district=Gent').set(auth(w.dpo.token)).expect(200);
    expect(res.body.totalCases).toBe(0);
    expect(res.body.perStage).toEqual([]);
  });

  it('is not for partners or administrators', async () => {
    await t.http().get('/api/v1/statistics/overview').set(auth(w.cawMember.token)).expect(403);
    await t.http().get('/api/v1/statistics/overview').set(auth(w.admin.token)).expect(403);
  });

  it('lets the DPO stop the retention clock without seeing the case', async () => {
    const res = await t
      .http()
      .post(`/api/v1/cases/${ids[0]}/legal-hold`)
      .set(auth(w.dpo.token))
      .send({ hold: true, reason: 'Pending judicial procedure' })
      .expect(200);
    expect(res.body).toEqual({ caseId: ids[0], reference: expect.any(String), legalHold: true });
    await t.http().get(`/api/v1/cases/${ids[0]}`).set(auth(w.dpo.token)).expect(403);
    const detail = await t.http().get(`/api/v1/cases/${ids[0]}`).set(auth(w.director.token)).expect(200);
    expect(detail.body.legalHold).toBe(true);
    await t.http().post(`/api/v1/cases/${ids[0]}/legal-hold`).set(auth(w.director.token)).send({ hold: false, reason: 'x-x-x' }).expect(403);
  });
});
