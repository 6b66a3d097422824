import { todayInBrussels } from '@schakel/domain';
import { withClient } from '../../../tools/test/test-database';
import { auth, userSession, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

describe('conferences in the room: liaisons invited, planned-day warning, minutes after closing', () => {
  let t: TestApp;
  let w: World;
  let cawDirector: Session;
  let caseId: string;
  const http = () => t.http();
  const schedule = (scheduledAt: string, inviteeUserIds: string[]) =>
    http()
      .post('/api/v1/conferences')
      .set(auth(w.director.token))
      .send({ protocolId: w.protocolId, scheduledAt, location: 'FJC Antwerpen', caseIds: [caseId], inviteeUserIds });

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    cawDirector = await userSession(t, w.admin, w.agencies.caw, ['case_director']);
    caseId = (await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201)).body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    await http().post(`/api/v1/cases/${caseId}/team`).set(auth(w.director.token)).send({ userId: cawDirector.id }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it("offers the case team, police partners and the district's prosecutor liaison as invitees", async () => {
    const res = await http().get(`/api/v1/conferences/invitable?protocolId=${w.protocolId}&caseIds=${caseId}`).set(auth(w.director.token)).expect(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([cawDirector.id, w.policeMember.id, w.liaison.id]));
    expect(ids).not.toContain(w.dpo.id);
    expect(ids).not.toContain(w.referrer.id);
  });

  it('lets an invited liaison acknowledge and see the agenda', async () => {
    const conf = await schedule('2030-03-04T14:00:00+01:00', [cawDirector.id, w.liaison.id]).expect(201);
    const before = await http().get(`/api/v1/conferences/${conf.body.id}`).set(auth(w.liaison.token)).expect(200);
    expect(before.body.agenda[0]).toMatchObject({ caseId, limited: true });
    await http().post(`/api/v1/conferences/${conf.body.id}/acknowledge`).set(auth(w.liaison.token)).send({}).expect(200);
    const after = await http().get(`/api/v1/conferences/${conf.body.id}`).set(auth(w.liaison.token)).expect(200);
    expect(after.body.agenda[0]).toMatchObject({ caseId, limited: false });
    const list = await http().get('/api/v1/conferences').set(auth(w.liaison.token)).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(conf.body.id);
    const inbox = await http().get('/api/v1/me/notifications').set(auth(w.liaison.token)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ type: 'CONFERENCE_SCHEDULED', subjectId: conf.body.id });
  });

  it('warns when a conference is held on another day than planned, and not on the day itself', async () => {
    const later = await schedule('2030-03-04T14:00:00+01:00', [cawDirector.id]).expect(201);
    const detail = await http().get(`/api/v1/conferences/${later.body.id}`).set(auth(w.director.token)).expect(200);
    expect(detail.body.plannedForToday).toBe(false);
    const started = await http().post(`/api/v1/conferences/${later.body.id}/start`).set(auth(w.director.token)).send({}).expect(200);
    expect(started.body).toMatchObject({ status: 'IN_PROGRESS', warnings: [{ code: 'CONFERENCE_NOT_TODAY', plannedFor: '2030-03-04' }] });
    const confirmed = await schedule('2030-03-05T14:00:00+01:00', [cawDirector.id]).expect(201);
    const ok = await http().post(`/api/v1/conferences/${confirmed.body.id}/start`).set(auth(w.director.token)).send({ confirmDate: true }).expect(200);
    expect(ok.body).toMatchObject({ warnings: [], dateConfirmed: true });
    const today = await schedule(`${todayInBrussels()}T23:00:00+01:00`, [cawDirector.id]).expect(201);
    const onDay = await http().post(`/api/v1/conferences/${today.body.id}/start`).set(auth(w.director.token)).send({}).expect(200);
    expect(onDay.body.warnings).toEqual([]);
    await http().post(`/api/v1/conferences/${today.body.id}/start`).set(auth(w.director.token)).send({ confirmDate: 'yes' }).expect(400);
  });

  it('shows the minutes on the page to those present once the conference is closed', async () => {
    const conf = await schedule('2030-03-06T14:00:00+01:00', [cawDirector.id, w.policeMember.id]).expect(201);
    const id = conf.body.id as string;
    await http().post(`/api/v1/conferences/${id}/acknowledge`).set(auth(cawDirector.token)).send({}).expect(200);
    await http().post(`/api/v1/conferences/${id}/acknowledge`).set(auth(w.policeMember.token)).send({}).expect(200);
    await http().post(`/api/v1/conferences/${id}/start`).set(auth(w.director.token)).send({ confirmDate: true }).expect(200);
    await http()
      .put(`/api/v1/conferences/${id}/items/${caseId}/minutes`)
      .set(auth(w.director.token))
      .send({
        minutes: 'Safety plan agreed; CAW follows up.',
        attendance: [
          { userId: w.director.id, present: true },
          { userId: cawDirector.id, present: true },
          { userId: w.policeMember.id, present: false },
        ],
      })
      .expect(200);
    const running = await http().get(`/api/v1/conferences/${id}`).set(auth(cawDirector.token)).expect(200);
    expect(running.body.agenda[0].minutes).toBeUndefined();
    await http().post(`/api/v1/conferences/${id}/close`).set(auth(w.director.token)).send({}).expect(200);
    const closed = await http().get(`/api/v1/conferences/${id}`).set(auth(cawDirector.token)).expect(200);
    expect(closed.body.agenda[0].minutes).toMatchObject({ minutes: 'Safety plan agreed; CAW follows up.' });
    // Police is a case agency (it referred), so its partner reads the minutes too; the access log records it.
    const police = await http().get(`/api/v1/conferences/${id}`).set(auth(w.policeMember.token)).expect(200);
    expect(police.body.agenda[0].minutes.minutes).toContain('Safety plan');
    const logged = await withClient(t.db.url, (c) =>
      c.query(`SELECT count(*)::int AS n FROM access_log WHERE user_id = $1 AND resource = 'MINUTES'`, [cawDirector.id]),
    );
    expect(logged.rows[0].n).toBeGreaterThan(0);
  });
});
