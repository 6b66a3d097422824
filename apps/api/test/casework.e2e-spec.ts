import { withClient } from '../../../tools/test/test-database';
import { auth, userSession, type Session } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

describe('casework: team, handover, action ownership, referrer follow-up, reopen, urgency', () => {
  let t: TestApp;
  let w: World;
  let director2: Session; // a second case director of the director's agency (FJC)
  let director3: Session; // a third one, to take over
  let cawDirector: Session; // a case director of CAW, a case agency once invited
  let outsiderDirector: Session; // a case director of an agency not in the case
  let caseId: string;
  let actionId: string;
  const http = () => t.http();
  const refer = async (over: Record<string, unknown> = {}, token = w.referrer.token) =>
    (await http().post('/api/v1/referrals').set(auth(token)).send(referralBody(w.protocolId, over)).expect(201)).body as {
      caseId: string;
      reference: string;
      repeatReferral: boolean;
      triageDueAt?: string;
    };
  const move = (id: string, to: string, token = w.director.token) =>
    http()
      .post(`/api/v1/cases/${id}/transitions`)
      .set(auth(token))
      .send({ to, reason: `moving to ${to}` });
  const timeline = async (id: string, token = w.director.token) =>
    (await http().get(`/api/v1/cases/${id}/timeline`).set(auth(token)).expect(200)).body.items as {
      type: string;
      reason: string | null;
      detail: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    director2 = await userSession(t, w.admin, w.agencies.fjc, ['case_director']);
    director3 = await userSession(t, w.admin, w.agencies.fjc, ['case_director']);
    cawDirector = await userSession(t, w.admin, w.agencies.caw, ['case_director']);
    outsiderDirector = await userSession(t, w.admin, w.agencies.nonSignatory, ['case_director']);
    caseId = (await refer()).caseId;
    await move(caseId, 'DOSSIERVORMING').expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('case team', () => {
    it('adds a case director of a case agency as deputy, and refuses anyone else', async () => {
      const bad = await http()
        .post(`/api/v1/cases/${caseId}/team`)
        .set(auth(w.director.token))
        .send({ userId: outsiderDirector.id, role: 'DEPUTY' })
        .expect(422);
      expect(bad.body.code).toBe('TEAM_MEMBER_NOT_ALLOWED');
      const member = await http().post(`/api/v1/cases/${caseId}/team`).set(auth(w.director.token)).send({ userId: w.cawMember.id }).expect(422);
      expect(member.body.code).toBe('TEAM_MEMBER_NOT_ALLOWED');
      await http().post(`/api/v1/cases/${caseId}/team`).set(auth(w.cawMember.token)).send({ userId: cawDirector.id }).expect(403);
      const res = await http().post(`/api/v1/cases/${caseId}/team`).set(auth(w.director.token)).send({ userId: cawDirector.id, role: 'DEPUTY' }).expect(201);
      expect(res.body.director.userId).toBe(w.director.id);
      expect(res.body.deputies.map((d: { userId: string }) => d.userId)).toEqual([cawDirector.id]);
      const twice = await http().post(`/api/v1/cases/${caseId}/team`).set(auth(w.director.token)).send({ userId: cawDirector.id }).expect(409);
      expect(twice.body.code).toBe('ALREADY_IN_TEAM');
    });

    it('lets a deputy act like the director', async () => {
      // Not yet a deputy: a case director of a case agency cannot invite.
      await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(director2.token)).send({ agencyId: w.agencies.outsider }).expect(403);
      await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(cawDirector.token)).send({ agencyId: w.agencies.outsider }).expect(201);
      await http()
        .post(`/api/v1/cases/${caseId}/agencies/${w.agencies.outsider}/waiver`)
        .set(auth(cawDirector.token))
        .send({ reason: 'No file at CGG' })
        .expect(200);
      const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(cawDirector.token)).expect(200);
      expect(detail.body.team.deputies[0]).toMatchObject({ userId: cawDirector.id, role: 'DEPUTY', active: true });
      expect(detail.body.deputyIds).toEqual([cawDirector.id]);
    });
  });

  describe('action ownership', () => {
    beforeAll(async () => {
      await http()
        .post(`/api/v1/cases/${caseId}/contributions`)
        .set(auth(w.cawMember.token))
        .send({ category: 'WELFARE_SUPPORT', content: 'Known to CAW.' })
        .expect(201);
      await move(caseId, 'WEGING').expect(200);
      await http().post(`/api/v1/cases/${caseId}/decisions`).set(auth(w.director.token)).send({ type: 'INCLUDE', rationale: 'High risk' }).expect(201);
      await move(caseId, 'CASUSREGIE').expect(200);
      const a = await http()
        .post(`/api/v1/cases/${caseId}/actions`)
        .set(auth(w.director.token))
        .send({ description: 'Safety plan with the victim\nsecond line', ownerAgencyId: w.agencies.caw, dueDate: '2026-01-10', measure: 'SAFETY_PLAN' })
        .expect(201);
      actionId = a.body.id;
    });

    it('refuses another case agency with 403 NOT_ACTION_OWNER', async () => {
      const res = await http().patch(`/api/v1/cases/${caseId}/actions/${actionId}`).set(auth(w.policeMember.token)).send({ status: 'DONE' }).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'NOT_ACTION_OWNER' });
      const list = await http().get(`/api/v1/cases/${caseId}/actions`).set(auth(w.director.token)).expect(200);
      expect(list.body.items[0].status).toBe('OPEN');
    });

    it('lets the owning agency and the case team change it, and names it in the timeline', async () => {
      await http().patch(`/api/v1/cases/${caseId}/actions/${actionId}`).set(auth(w.director.token)).send({ dueDate: '2026-01-12' }).expect(200);
      await http().patch(`/api/v1/cases/${caseId}/actions/${actionId}`).set(auth(w.cawMember.token)).send({ status: 'DONE' }).expect(200);
      const updates = (await timeline(caseId)).filter((e) => e.type === 'ACTION_UPDATED');
      expect(updates).toHaveLength(2);
      expect(updates[1]!.detail).toMatchObject({ actionId, measure: 'SAFETY_PLAN', description: 'Safety plan with the victim', after: { status: 'DONE' } });
    });
  });

  describe('escalation', () => {
    it('flags an urgent conference when none is planned, where CONTINUE does not', async () => {
      await move(caseId, 'UITVOERING').expect(200);
      await move(caseId, 'EVALUATIE').expect(200);
      const cont = await http()
        .post(`/api/v1/cases/${caseId}/evaluations`)
        .set(auth(w.director.token))
        .send({ outcome: 'CONTINUE', summary: 'Going fine' })
        .expect(201);
      expect(cont.body.escalation).toBeNull();
      await move(caseId, 'UITVOERING').expect(200);
      await move(caseId, 'EVALUATIE').expect(200);
      const esc = await http()
        .post(`/api/v1/cases/${caseId}/evaluations`)
        .set(auth(w.director.token))
        .send({ outcome: 'ESCALATE', summary: 'New threats' })
        .expect(201);
      expect(esc.body.escalation).toEqual({ kind: 'URGENT_CONFERENCE_REQUESTED' });
      const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
      expect(detail.body.urgentConferenceRequestedAt).toEqual(expect.any(String));
      const inbox = await http().get('/api/v1/me/notifications').set(auth(cawDirector.token)).expect(200);
      expect(inbox.body.items.map((n: { type: string }) => n.type)).toContain('URGENT_CONFERENCE_REQUESTED');
    });

    it('puts the case on the next scheduled conference of its team', async () => {
      const other = (await refer({ persons: [{ role: 'VICTIM', firstName: 'Iris', lastName: 'Maes' }] })).caseId;
      await move(other, 'DOSSIERVORMING').expect(200);
      const conf = await http()
        .post('/api/v1/conferences')
        .set(auth(w.director.token))
        .send({
          protocolId: w.protocolId,
          scheduledAt: '2030-03-04T14:00:00+01:00',
          location: 'FJC',
          caseIds: [other],
          inviteeUserIds: [w.cawMember.id],
        })
        .expect(201);
      await move(caseId, 'UITVOERING').expect(200);
      await move(caseId, 'EVALUATIE').expect(200);
      const esc = await http()
        .post(`/api/v1/cases/${caseId}/evaluations`)
        .set(auth(w.director.token))
        .send({ outcome: 'ESCALATE', summary: 'Still escalating' })
        .expect(201);
      expect(esc.body.escalation).toMatchObject({ kind: 'ADDED_TO_AGENDA', conferenceId: conf.body.id, position: 2 });
      const detail = await http().get(`/api/v1/conferences/${conf.body.id}`).set(auth(w.director.token)).expect(200);
      expect(detail.body.agenda.map((i: { caseId: string }) => i.caseId)).toEqual([other, caseId]);
      expect((await timeline(caseId)).map((e) => e.type)).toContain('ESCALATED');
    });
  });

  describe('handover', () => {
    it('refuses a case director outside the team while the director is active', async () => {
      const res = await http()
        .post(`/api/v1/cases/${caseId}/handover`)
        .set(auth(director2.token))
        .send({ toUserId: director2.id, reason: 'taking it' })
        .expect(403);
      expect(res.body.code).toBe('HANDOVER_NOT_ALLOWED');
    });

    it('hands the case over with a reason in the timeline; the previous director stays a deputy', async () => {
      const bad = await http()
        .post(`/api/v1/cases/${caseId}/handover`)
        .set(auth(w.director.token))
        .send({ toUserId: w.cawMember.id, reason: 'x y z' })
        .expect(422);
      expect(bad.body.code).toBe('TEAM_MEMBER_NOT_ALLOWED');
      await http().post(`/api/v1/cases/${caseId}/handover`).set(auth(w.director.token)).send({ toUserId: director2.id }).expect(400);
      const res = await http()
        .post(`/api/v1/cases/${caseId}/handover`)
        .set(auth(w.director.token))
        .send({ toUserId: director2.id, reason: 'Parental leave from Monday' })
        .expect(200);
      expect(res.body).toMatchObject({ caseId, directorId: director2.id, takeover: false });
      expect(res.body.team.deputies.map((d: { userId: string }) => d.userId).sort()).toEqual([cawDirector.id, w.director.id].sort());
      const handover = (await timeline(caseId, director2.token)).find((e) => e.type === 'HANDOVER')!;
      expect(handover.reason).toBe('Parental leave from Monday');
      expect(handover.detail).toMatchObject({ fromUserId: w.director.id, toUserId: director2.id });
      const inbox = await http().get('/api/v1/me/notifications').set(auth(director2.token)).expect(200);
      expect(inbox.body.items[0]).toMatchObject({ type: 'CASE_HANDED_OVER', caseReference: expect.stringMatching(/^CO-/) });
    });

    it('lets a case director of the same agency take over when the director is deactivated', async () => {
      // Remove the other team members so only the (soon inactive) director holds the case.
      await http().delete(`/api/v1/cases/${caseId}/team/${w.director.id}`).set(auth(director2.token)).expect(200);
      await http().post(`/api/v1/cases/${caseId}/handover`).set(auth(director3.token)).send({ toUserId: director3.id, reason: 'director left' }).expect(403);
      await http().patch(`/api/v1/users/${director2.id}`).set(auth(w.admin.token)).send({ active: false }).expect(200);
      // Not to someone else, and not from another agency.
      await http().post(`/api/v1/cases/${caseId}/handover`).set(auth(director3.token)).send({ toUserId: w.director.id, reason: 'director left' }).expect(403);
      const res = await http()
        .post(`/api/v1/cases/${caseId}/handover`)
        .set(auth(director3.token))
        .send({ toUserId: director3.id, reason: 'Director left the FJC' })
        .expect(200);
      expect(res.body).toMatchObject({ directorId: director3.id, takeover: true });
      expect(res.body.team.deputies.map((d: { userId: string }) => d.userId)).toEqual([cawDirector.id]);
      await http().post(`/api/v1/cases/${caseId}/agencies/${w.agencies.caw}/waiver`).set(auth(director3.token)).send({ reason: 'acting now' }).expect(200);
    });
  });

  describe('referrer follow-up', () => {
    it('lets the referring agency add an incident, and nobody else', async () => {
      await http()
        .post(`/api/v1/cases/${caseId}/incidents`)
        .set(auth(w.outsider.token))
        .send({ date: '2026-11-25', types: ['PHYSICAL'] })
        .expect(403);
      const other = await userSession(t, w.admin, w.agencies.nonSignatory, ['referrer']);
      await http()
        .post(`/api/v1/cases/${caseId}/incidents`)
        .set(auth(other.token))
        .send({ date: '2026-11-25', types: ['PHYSICAL'] })
        .expect(404);
      const bad = await http()
        .post(`/api/v1/cases/${caseId}/incidents`)
        .set(auth(w.referrer.token))
        .send({ date: 'yesterday', types: ['PUNCH'] })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['date', 'types']));
      const res = await http()
        .post(`/api/v1/cases/${caseId}/incidents`)
        .set(auth(w.referrer.token))
        .send({ date: '2026-11-25', types: ['PHYSICAL', 'VERBAL'], policeReference: 'AN.12.L1.654321/2026' })
        .expect(201);
      expect(res.body).toMatchObject({ date: '2026-11-25', types: ['PHYSICAL', 'VERBAL'], policeReference: 'AN.12.L1.654321/2026' });
      const raw = await withClient(t.db.url, (c) => c.query('SELECT police_reference FROM case_incidents'));
      expect(JSON.stringify(raw.rows)).not.toContain('654321');
      const mine = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(mine.body).toMatchObject({ limited: true, incidents: [expect.objectContaining({ date: '2026-11-25' })] });
      expect(mine.body.persons).toBeUndefined();
      const full = await http().get(`/api/v1/cases/${caseId}`).set(auth(cawDirector.token)).expect(200);
      expect(full.body.incidents).toHaveLength(1);
      expect((await timeline(caseId, cawDirector.token)).map((e) => e.type)).toContain('INCIDENT_ADDED');
    });

    it('shows the referrer why a referral was declined', async () => {
      const r = await refer({ persons: [{ role: 'VICTIM', firstName: 'Lotte', lastName: 'Claes' }] });
      const before = await http().get(`/api/v1/cases/${r.caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(before.body.outcome).toBeUndefined();
      await http()
        .post(`/api/v1/cases/${r.caseId}/transitions`)
        .set(auth(w.director.token))
        .send({ to: 'AFGESLOTEN', reason: 'No high risk: referred to the CAW helpline' })
        .expect(200);
      const res = await http().get(`/api/v1/cases/${r.caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(res.body).toMatchObject({
        limited: true,
        stage: 'AFGESLOTEN',
        closureReason: 'DECLINED',
        outcome: { closureReason: 'DECLINED', reason: 'No high risk: referred to the CAW helpline' },
      });
    });
  });

  describe('repeat referral and reopening', () => {
    let closedId: string;
    it('links a repeat referral to the earlier case for those who may see it', async () => {
      const person = { role: 'VICTIM', firstName: 'Tom', lastName: 'Jacobs', birthDate: '1985-02-01' };
      const earlier = (await refer({ persons: [person] })).caseId;
      await move(earlier, 'DOSSIERVORMING').expect(200);
      const again = await refer({ persons: [{ ...person, firstName: 'TOM' }] });
      expect(again.repeatReferral).toBe(true);
      const res = await http().get(`/api/v1/cases/${again.caseId}`).set(auth(w.director.token)).expect(200);
      expect(res.body.previousCase).toMatchObject({ id: earlier, reference: expect.any(String) });
      // A CAW director sees the new referral (CAW signed the protocol) but not the earlier case, nor the link.
      await http().get(`/api/v1/cases/${earlier}`).set(auth(cawDirector.token)).expect(404);
      const theirs = await http().get(`/api/v1/cases/${again.caseId}`).set(auth(cawDirector.token)).expect(200);
      expect(theirs.body.previousCase).toBeNull();
      const referrerView = await http().get(`/api/v1/cases/${again.caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(JSON.stringify(referrerView.body)).not.toContain(earlier);
    });

    it('reopens a case closed within the window, and refuses otherwise', async () => {
      closedId = (await refer({ persons: [{ role: 'VICTIM', firstName: 'Jana', lastName: 'Wouters' }] })).caseId;
      await move(closedId, 'DOSSIERVORMING').expect(200);
      const open = await http().post(`/api/v1/cases/${closedId}/reopen`).set(auth(w.director.token)).send({ reason: 'new facts' }).expect(409);
      expect(open.body.code).toBe('CASE_NOT_CLOSED');
      await http().post(`/api/v1/cases/${closedId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
      await http().post(`/api/v1/cases/${closedId}/agencies/${w.agencies.caw}/waiver`).set(auth(w.director.token)).send({ reason: 'none' }).expect(200);
      await move(closedId, 'WEGING').expect(200);
      await http()
        .post(`/api/v1/cases/${closedId}/decisions`)
        .set(auth(w.director.token))
        .send({ type: 'NO_FURTHER_ACTION', rationale: 'Risk is low' })
        .expect(201);
      await move(closedId, 'AFGESLOTEN').expect(200);
      await http().post(`/api/v1/cases/${closedId}/reopen`).set(auth(w.cawMember.token)).send({ reason: 'new facts' }).expect(403);
      await http().post(`/api/v1/cases/${closedId}/reopen`).set(auth(w.director.token)).send({}).expect(400);
      const res = await http()
        .post(`/api/v1/cases/${closedId}/reopen`)
        .set(auth(w.director.token))
        .send({ reason: 'New incident reported by the police' })
        .expect(200);
      expect(res.body).toMatchObject({ stage: 'WEGING', closureReason: null, reopenedAt: expect.any(String) });
      const reopened = (await timeline(closedId)).find((e) => e.type === 'REOPENED')!;
      expect(reopened).toMatchObject({ reason: 'New incident reported by the police', detail: { to: 'WEGING', closureReason: 'NOT_INCLUDED' } });
    });

    it('reopens a declined referral back to intake, by a case director who could accept it', async () => {
      const r = await refer({ persons: [{ role: 'VICTIM', firstName: 'Mira', lastName: 'Dewit' }] });
      await move(r.caseId, 'AFGESLOTEN').expect(200);
      await http().post(`/api/v1/cases/${r.caseId}/reopen`).set(auth(w.referrer.token)).send({ reason: 'please' }).expect(403);
      const res = await http()
        .post(`/api/v1/cases/${r.caseId}/reopen`)
        .set(auth(cawDirector.token))
        .send({ reason: 'New PV: the threats continue' })
        .expect(200);
      expect(res.body).toMatchObject({ stage: 'AANMELDING', closureReason: null });
      const mine = await http().get(`/api/v1/cases/${r.caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(mine.body).toMatchObject({ stage: 'AANMELDING', limited: true });
      expect(mine.body.outcome).toBeUndefined();
    });

    it('refuses to reopen a case closed more than 12 months ago', async () => {
      await move(closedId, 'AFGESLOTEN').expect(200);
      await withClient(t.db.url, (c) => c.query(`UPDATE cases SET closed_at = now() - interval '13 months' WHERE id = $1`, [closedId]));
      const res = await http().post(`/api/v1/cases/${closedId}/reopen`).set(auth(w.director.token)).send({ reason: 'too late' }).expect(422);
      expect(res.body).toMatchObject({ code: 'REOPEN_WINDOW_PASSED', windowMonths: 12 });
    });
  });

  describe('urgent track', () => {
    it('requires a danger statement on an urgent referral, naming the field', async () => {
      const res = await http()
        .post('/api/v1/referrals')
        .set(auth(w.referrer.token))
        .send(referralBody(w.protocolId, { urgent: true }))
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('dangerStatement');
    });

    it('gives an urgent referral a triage deadline one working day ahead, shown to directors and the referrer', async () => {
      const r = await refer({
        urgent: true,
        dangerStatement: 'Threatened with a knife last night; he has the keys.',
        persons: [{ role: 'VICTIM', firstName: 'Sara', lastName: 'Peeters' }],
      });
      expect(r.triageDueAt).toEqual(expect.any(String));
      const hours = (Date.parse(r.triageDueAt!) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23);
      expect(hours).toBeLessThanOrEqual(24 * 4 + 1);
      const list = await http().get('/api/v1/cases?stage=AANMELDING').set(auth(w.director.token)).expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === r.caseId)).toMatchObject({ urgent: true, triageDueAt: r.triageDueAt, triagedAt: null });
      const detail = await http().get(`/api/v1/cases/${r.caseId}`).set(auth(w.director.token)).expect(200);
      expect(detail.body).toMatchObject({ urgent: true, dangerStatement: 'Threatened with a knife last night; he has the keys.' });
      const mine = await http().get(`/api/v1/cases/${r.caseId}`).set(auth(w.referrer.token)).expect(200);
      expect(mine.body).toMatchObject({ limited: true, urgent: true, triageDueAt: r.triageDueAt });
      const inbox = await http().get('/api/v1/me/notifications').set(auth(w.director.token)).expect(200);
      expect(inbox.body.items.find((n: { caseReference: string }) => n.caseReference === r.reference)).toMatchObject({ type: 'URGENT_REFERRAL', readAt: null });
      const accepted = await move(r.caseId, 'DOSSIERVORMING').expect(200);
      expect(accepted.body.triagedAt).toEqual(expect.any(String));
    });
  });

  describe('notifications inbox', () => {
    it("lists and marks the caller's own notifications only", async () => {
      const inbox = await http().get('/api/v1/me/notifications').set(auth(w.director.token)).expect(200);
      const first = inbox.body.items[0];
      expect(first).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String), createdAt: expect.any(String), readAt: null }));
      await http().post(`/api/v1/me/notifications/${first.id}/read`).set(auth(cawDirector.token)).send({}).expect(404);
      const read = await http().post(`/api/v1/me/notifications/${first.id}/read`).set(auth(w.director.token)).send({}).expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      const after = await http().get('/api/v1/me/notifications?unread=true').set(auth(w.director.token)).expect(200);
      expect(after.body.items.map((n: { id: string }) => n.id)).not.toContain(first.id);
      expect(after.body.unread).toBe(inbox.body.unread - 1);
    });
  });
});
