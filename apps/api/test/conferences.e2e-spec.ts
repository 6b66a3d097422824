import { inflateSync } from 'node:zlib';
import { publicKeyFromPrivate } from '@schakel/platform';
import { withClient } from '../../../tools/test/test-database';
import { verifyMinutesSignature } from '../src/modules/conferences/minutes-seal';
import { auth, createUser, userSession, type Session } from './support/sessions';
import { startTestApp, TEST_SIGNING_KEY, type TestApp } from './support/test-app';
import { acknowledgeProtocol, buildWorld, referralBody, type World } from './support/world';

/** Collects a binary body (supertest only buffers text and JSON by itself). */
function binary(res: NodeJS.ReadableStream & { setEncoding?: unknown }, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The text pdf-lib drew: its content streams are deflated and standard-font strings are hex (`<…> Tj`). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(t[1]!, 'hex').toString('latin1'));
  }
  return lines.join('\n');
}

describe('case conferences: agenda behind confidentiality, minutes sealed and signed', () => {
  let t: TestApp;
  let w: World;
  let otherDirector: Session;
  let justiceMember: { id: string };
  let caseA: string; // caw, police and the director's agency are part of it
  let caseC: string; // police and the director's agency only
  let refA: string;
  let refC: string;
  let caseOtherProtocol: string;
  let caseOutOfScope: string;
  let conferenceId: string;
  const http = () => t.http();
  const refer = async (protocolId: string, over: Record<string, unknown> = {}) => {
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(protocolId, over)).expect(201);
    return r.body as { caseId: string; reference: string };
  };
  const accept = (caseId: string, token = w.director.token) =>
    http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(token)).send({ to: 'DOSSIERVORMING', reason: 'accepted for the chain approach' }).expect(200);
  const conference = (body: Record<string, unknown>, token = w.director.token) =>
    http()
      .post('/api/v1/conferences')
      .set(auth(token))
      .send({
        protocolId: w.protocolId,
        scheduledAt: '2026-12-14T14:00:00+01:00',
        location: 'FJC Antwerpen, zaal 2',
        caseIds: [caseA, caseC],
        inviteeUserIds: [w.cawMember.id, w.policeMember.id],
        ...body,
      });
  const minutes = (caseId: string, body: Record<string, unknown>, token = w.director.token) =>
    http().put(`/api/v1/conferences/${conferenceId}/items/${caseId}/minutes`).set(auth(token)).send(body);
  const pdf = (token: string) =>
    http()
      .get(`/api/v1/conferences/${conferenceId}/minutes.pdf`)
      .set(auth(token))
      .buffer(true)
      .parse(binary as never);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    otherDirector = await userSession(t, w.admin, w.agencies.police, ['case_director']);
    justiceMember = await createUser(t, w.admin, w.agencies.nonSignatory, ['agency_member']);

    const a = await refer(w.protocolId);
    caseA = a.caseId;
    refA = a.reference;
    await accept(caseA);
    await http().post(`/api/v1/cases/${caseA}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const c = await refer(w.protocolId, {
      persons: [
        { role: 'VICTIM', firstName: 'Sofie', lastName: 'Peeters' },
        { role: 'ALLEGED_PERPETRATOR', firstName: 'Tom', lastName: 'Wouters' },
      ],
      redFlags: ['RF01'],
    });
    caseC = c.caseId;
    refC = c.reference;
    await accept(caseC);

    // A second approved protocol with a case under it.
    const p2 = await http()
      .post('/api/v1/protocols')
      .set(auth(w.director.token))
      .send({
        title: 'Casusoverleg IFG Antwerpen-Noord',
        district: 'Antwerpen',
        purpose: 'Multi-agency case conferences on high-risk partner violence',
        agencyIds: [w.agencies.police, w.agencies.caw],
        dataCategories: ['IDENTIFICATION', 'WELFARE_SUPPORT'],
        retentionMonths: 60,
        validFrom: '2026-01-01',
        validUntil: '2030-12-31',
      })
      .expect(201);
    await http().post(`/api/v1/protocols/${p2.body.id}/submit`).set(auth(w.director.token)).send({}).expect(200);
    await http()
      .post(`/api/v1/protocols/${p2.body.id}/approve`)
      .set(auth(w.liaison.token))
      .send({ reference: 'PK/2026/458ter/002', motivation: 'Second protocol meets the art. 458ter requirements.' })
      .expect(200);
    caseOtherProtocol = (await refer(p2.body.id, { persons: [{ role: 'VICTIM', firstName: 'Ann', lastName: 'Claes' }] })).caseId;
    await accept(caseOtherProtocol);

    // Directed by a case director of another agency: outside our director's scope.
    caseOutOfScope = (await refer(w.protocolId, { persons: [{ role: 'VICTIM', firstName: 'Lies', lastName: 'Maes' }] })).caseId;
    await accept(caseOutOfScope, otherDirector.token);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('scheduling', () => {
    it('refuses a case under another protocol', async () => {
      const res = await conference({ caseIds: [caseA, caseOtherProtocol] }).expect(422);
      expect(res.body).toMatchObject({ code: 'CASE_NOT_UNDER_PROTOCOL', caseIds: [caseOtherProtocol] });
    });

    it("answers 404 for a case outside the chair's scope, as if it did not exist", async () => {
      const res = await conference({ caseIds: [caseA, caseOutOfScope] }).expect(404);
      expect(JSON.stringify(res.body)).not.toContain(caseOutOfScope);
      await conference({ caseIds: ['00000000-0000-4000-8000-000000000000'] }).expect(404);
    });

    it('refuses invitees outside the lawful circle or in a role that does not attend', async () => {
      const res = await conference({ inviteeUserIds: [w.cawMember.id, justiceMember.id, w.referrer.id] }).expect(422);
      expect(res.body.code).toBe('INVITEE_NOT_ALLOWED');
      expect(res.body.userIds.sort()).toEqual([justiceMember.id, w.referrer.id].sort());
    });

    it('lists the people who may be invited, and only them', async () => {
      const res = await http().get(`/api/v1/conferences/invitable?protocolId=${w.protocolId}&caseIds=${caseA}`).set(auth(w.director.token)).expect(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([w.cawMember.id, w.policeMember.id]));
      expect(ids).not.toContain(justiceMember.id);
      expect(ids).not.toContain(w.referrer.id);
      expect(ids).not.toContain(w.director.id);
      expect(res.body.items[0]).toEqual({
        id: expect.any(String),
        displayName: expect.any(String),
        agencyId: expect.any(String),
        agencyName: expect.any(String),
      });
    });

    it('validates the body and wants an offset on the time', async () => {
      const res = await conference({ scheduledAt: '2026-12-14T14:00:00', caseIds: [], extra: 1 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['scheduledAt', 'caseIds', 'extra']));
    });

    it("schedules a conference chaired by the caller, with a line on each case's timeline", async () => {
      const res = await conference({}).expect(201);
      conferenceId = res.body.id;
      expect(res.body).toMatchObject({
        chairId: w.director.id,
        status: 'SCHEDULED',
        scheduledAt: '2026-12-14T13:00:00.000Z',
        location: 'FJC Antwerpen, zaal 2',
        seal: null,
        agenda: [
          { position: 1, caseId: caseA, reference: refA, stage: 'DOSSIERVORMING' },
          { position: 2, caseId: caseC, reference: refC, stage: 'DOSSIERVORMING' },
        ],
      });
      expect(res.body.invitees.map((i: { userId: string }) => i.userId).sort()).toEqual([w.cawMember.id, w.policeMember.id].sort());
      const timeline = await http().get(`/api/v1/cases/${caseA}/timeline`).set(auth(w.director.token)).expect(200);
      expect(timeline.body.items.map((e: { type: string }) => e.type)).toContain('CONFERENCE_SCHEDULED');
    });

    it('lists the conference for its chair and invitees only (filtered in SQL)', async () => {
      for (const s of [w.director, w.cawMember, w.policeMember]) {
        const res = await http().get('/api/v1/conferences').set(auth(s.token)).expect(200);
        expect(res.body.items.map((c: { id: string }) => c.id)).toContain(conferenceId);
      }
      for (const s of [w.outsider, otherDirector]) {
        const res = await http().get('/api/v1/conferences').set(auth(s.token)).expect(200);
        expect(res.body.items).toEqual([]);
      }
      const invited = await http().get('/api/v1/conferences?status=SCHEDULED').set(auth(w.cawMember.token)).expect(200);
      expect(invited.body.items[0]).toMatchObject({ id: conferenceId, myRole: 'INVITEE', acknowledgedAt: null, agendaItems: 2 });
    });

    it('answers 404 to anyone who is neither chair nor invitee', async () => {
      for (const s of [w.outsider, otherDirector]) {
        await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(s.token)).expect(404);
        await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(s.token)).send({}).expect(404);
        await http().get(`/api/v1/conferences/${conferenceId}/invite.ics`).set(auth(s.token)).expect(404);
      }
      await http().get(`/api/v1/conferences/${conferenceId}/minutes.pdf`).set(auth(w.outsider.token)).expect(404);
      await http().post(`/api/v1/conferences/${conferenceId}/start`).set(auth(otherDirector.token)).send({}).expect(404);
    });

    it('sends a calendar invitation without anything about the families', async () => {
      const res = await http().get(`/api/v1/conferences/${conferenceId}/invite.ics`).set(auth(w.cawMember.token)).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      expect(res.text).toMatch(/^BEGIN:VCALENDAR/);
      expect(res.text).toContain('SUMMARY:Casusoverleg');
      expect(res.text).toContain('LOCATION:FJC Antwerpen\\, zaal 2');
      expect(res.text).toContain('DTSTART:20261214T130000Z');
      for (const secret of [refA, refC, 'Élise', 'Janssens', 'Peeters', caseA]) expect(res.text).not.toContain(secret);
      await http().get(`/api/v1/conferences/${conferenceId}/invite.ics`).set(auth(w.director.token)).expect(200);
    });
  });

  describe('confidentiality before the agenda', () => {
    it('shows an invitee only references and stages until they acknowledge', async () => {
      const res = await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.cawMember.token)).expect(200);
      expect(res.body).toMatchObject({
        myRole: 'INVITEE',
        acknowledgedAt: null,
        confidentiality: { version: 'art458ter/v1', text: expect.stringContaining('458ter') },
      });
      expect(res.body.agenda).toEqual([
        { position: 1, caseId: caseA, reference: refA, stage: 'DOSSIERVORMING', limited: true },
        { position: 2, caseId: caseC, reference: refC, stage: 'DOSSIERVORMING', limited: true },
      ]);
    });

    it('shows the chair the full agenda without acknowledging, and does not let the chair acknowledge as an invitee', async () => {
      const res = await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.director.token)).expect(200);
      expect(res.body.myRole).toBe('CHAIR');
      expect(res.body.agenda[0]).toMatchObject({
        limited: false,
        persons: { VICTIM: 1, ALLEGED_PERPETRATOR: 1, CHILD: 1 },
        redFlags: ['RF04', 'RF08', 'RF13'],
        riskLevel: null,
      });
      await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(w.director.token)).send({}).expect(403);
    });

    it('records who acknowledged and when, idempotently, and then opens the agenda', async () => {
      const first = await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(w.cawMember.token)).send({}).expect(200);
      expect(first.body).toMatchObject({ conferenceId, userId: w.cawMember.id, acknowledgedAt: expect.any(String), statementVersion: 'art458ter/v1' });
      const again = await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(w.cawMember.token)).send({}).expect(200);
      expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);

      const res = await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.cawMember.token)).expect(200);
      expect(res.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
      expect(res.body.agenda).toEqual([
        {
          position: 1,
          caseId: caseA,
          reference: refA,
          stage: 'DOSSIERVORMING',
          limited: false,
          persons: { ALLEGED_PERPETRATOR: 1, CHILD: 1, VICTIM: 1 },
          riskLevel: null,
          redFlags: ['RF04', 'RF08', 'RF13'],
        },
        {
          position: 2,
          caseId: caseC,
          reference: refC,
          stage: 'DOSSIERVORMING',
          limited: false,
          persons: { ALLEGED_PERPETRATOR: 1, VICTIM: 1 },
          riskLevel: null,
          redFlags: ['RF01'],
        },
      ]);
      // Names never travel with the agenda, and minutes stay with the chair.
      expect(JSON.stringify(res.body)).not.toMatch(/Élise|Janssens|Peeters|minutes"/);
      const invitee = res.body.invitees.find((i: { userId: string }) => i.userId === w.cawMember.id);
      expect(invitee.acknowledgedAt).toBe(first.body.acknowledgedAt);
      const row = await withClient(t.db.url, (c) =>
        c.query('SELECT acknowledged_at, acknowledgement FROM conference_invitees WHERE conference_id = $1 AND user_id = $2', [conferenceId, w.cawMember.id]),
      );
      expect(row.rows[0].acknowledgement).toBe('art458ter/v1');
    });
  });

  describe('running the conference', () => {
    it('takes no minutes before the start, and only the chair starts it, once', async () => {
      const early = await minutes(caseA, { minutes: 'Too early', attendance: [] }).expect(409);
      expect(early.body.code).toBe('CONFERENCE_STATE');
      await http().post(`/api/v1/conferences/${conferenceId}/start`).set(auth(w.cawMember.token)).send({}).expect(403);
      const started = await http().post(`/api/v1/conferences/${conferenceId}/start`).set(auth(w.director.token)).send({}).expect(200);
      expect(started.body).toMatchObject({ status: 'IN_PROGRESS', startedAt: expect.any(String) });
      const twice = await http().post(`/api/v1/conferences/${conferenceId}/start`).set(auth(w.director.token)).send({}).expect(409);
      expect(twice.body.code).toBe('CONFERENCE_STATE');
    });

    it('refuses attendance of people not invited, and presence without an acknowledgement', async () => {
      const stranger = await minutes(caseA, { minutes: 'x', attendance: [{ userId: w.outsider.id, present: true }] }).expect(422);
      expect(stranger.body).toMatchObject({ code: 'ATTENDEE_NOT_INVITED', userIds: [w.outsider.id] });
      const unacknowledged = await minutes(caseA, { minutes: 'x', attendance: [{ userId: w.policeMember.id, present: true }] }).expect(422);
      expect(unacknowledged.body).toMatchObject({ code: 'CONFIDENTIALITY_NOT_ACKNOWLEDGED', userIds: [w.policeMember.id] });
      await minutes(caseA, {
        minutes: 'x',
        attendance: [
          { userId: w.cawMember.id, present: true },
          { userId: w.cawMember.id, present: false },
        ],
      }).expect(400);
      await minutes(caseA, { minutes: 'x', attendance: [], decisions: [{ type: 'MAYBE', rationale: 'no' }] }).expect(400);
      await minutes(caseA, { minutes: 'x', attendance: [] }, w.cawMember.token).expect(403);
      await minutes(caseOtherProtocol, { minutes: 'x', attendance: [] }).expect(404);
    });

    it('records minutes, attendance and decisions per item, with a timeline line that holds no minutes', async () => {
      const res = await minutes(caseA, {
        minutes: 'Élise stays at the shelter; police visits weekly.',
        attendance: [
          { userId: w.director.id, present: true },
          { userId: w.cawMember.id, present: true },
          { userId: w.policeMember.id, present: false },
        ],
        decisions: [{ type: 'INCLUDE', rationale: 'Strangulation with children present: include in the chain approach' }],
      }).expect(200);
      expect(res.body).toMatchObject({ conferenceId, caseId: caseA, position: 1, minutes: 'Élise stays at the shelter; police visits weekly.', version: 2 });
      expect(res.body.decisions).toEqual([{ type: 'INCLUDE', rationale: 'Strangulation with children present: include in the chain approach' }]);
      const stale = await minutes(caseA, { minutes: 'overwrite', attendance: [], version: 1 }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      await minutes(caseC, {
        minutes: 'Tom Wouters refuses the perpetrator programme.',
        attendance: [
          { userId: w.director.id, present: true },
          { userId: w.cawMember.id, present: false },
        ],
      }).expect(200);

      const timeline = await http().get(`/api/v1/cases/${caseA}/timeline`).set(auth(w.director.token)).expect(200);
      const line = timeline.body.items.find((e: { type: string }) => e.type === 'CONFERENCE_MINUTES');
      expect(line.detail).toEqual({ conferenceId, present: 2, decisions: ['INCLUDE'] });
      expect(JSON.stringify(timeline.body)).not.toContain('shelter');

      const chair = await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.director.token)).expect(200);
      expect(chair.body.agenda[0].minutes.minutes).toBe('Élise stays at the shelter; police visits weekly.');
    });

    it('keeps the minutes text and decision rationales unreadable in the database', async () => {
      const { rows } = await withClient(t.db.url, (c) =>
        c.query('SELECT minutes, decisions::text AS decisions FROM conference_items WHERE conference_id = $1 AND case_id = $2', [conferenceId, caseA]),
      );
      // Under the case's data key (ADR 0009), not the ring key directly.
      expect(rows[0].minutes).toMatch(/^ck1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(rows[0].minutes).not.toContain('shelter');
      expect(rows[0].decisions).toContain('INCLUDE');
      expect(rows[0].decisions).not.toContain('Strangulation');
    });

    it('has no signed minutes before the conference closes', async () => {
      const res = await http().get(`/api/v1/conferences/${conferenceId}/minutes.pdf`).set(auth(w.director.token)).expect(409);
      expect(res.body.code).toBe('CONFERENCE_STATE');
    });
  });

  describe('closing seals the minutes', () => {
    let hash: string;

    it('closes with a SHA-256 hash and an Ed25519 signature made with the Schakel signing key', async () => {
      await http().post(`/api/v1/conferences/${conferenceId}/close`).set(auth(w.cawMember.token)).send({}).expect(403);
      const res = await http().post(`/api/v1/conferences/${conferenceId}/close`).set(auth(w.director.token)).send({}).expect(200);
      expect(res.body).toMatchObject({
        status: 'CLOSED',
        closedAt: expect.any(String),
        seal: { minutesHash: expect.stringMatching(/^[0-9a-f]{64}$/), algorithm: 'Ed25519' },
      });
      hash = res.body.seal.minutesHash;
      const publicKey = publicKeyFromPrivate(TEST_SIGNING_KEY);
      expect(res.body.seal.publicKey).toBe(publicKey);
      expect(verifyMinutesSignature(conferenceId, hash, res.body.seal.signature, publicKey)).toBe(true);
      const timeline = await http().get(`/api/v1/cases/${caseC}/timeline`).set(auth(w.director.token)).expect(200);
      expect(timeline.body.items.find((e: { type: string }) => e.type === 'CONFERENCE_CLOSED').detail).toEqual({ conferenceId, minutesHash: hash });
    });

    it('locks the minutes: 409 MINUTES_LOCKED, no second close, and the database refuses changes too', async () => {
      const res = await minutes(caseA, { minutes: 'Rewriting history', attendance: [] }).expect(409);
      expect(res.body.code).toBe('MINUTES_LOCKED');
      const again = await http().post(`/api/v1/conferences/${conferenceId}/close`).set(auth(w.director.token)).send({}).expect(409);
      expect(again.body.code).toBe('CONFERENCE_STATE');
      await expect(
        withClient(t.db.url, (c) => c.query(`UPDATE conference_items SET attendance = '[]' WHERE conference_id = $1`, [conferenceId])),
      ).rejects.toThrow(/locked/);
      await expect(
        withClient(t.db.url, (c) => c.query(`UPDATE conferences SET minutes_hash = $2 WHERE id = $1`, [conferenceId, '0'.repeat(64)])),
      ).rejects.toThrow(/locked/);
      const late = await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(w.policeMember.token)).send({}).expect(409);
      expect(late.body.code).toBe('CONFERENCE_STATE');
    });

    it('gives the chair the signed minutes as a PDF with every item, the hash and the signature', async () => {
      const res = await pdf(w.director.token).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['cache-control']).toBe('no-store');
      const file = res.body as Buffer;
      expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(file.toString('latin1')).toContain(hash);
      const text = pdfText(file);
      expect(text).toContain(hash);
      expect(text).toContain('Verslag casusoverleg');
      expect(text).toContain('maandag 14 december 2026 om 14:00'); // Europe/Brussels, not the UTC 13:00
      expect(text).toContain('FJC Antwerpen, zaal 2');
      expect(text).toContain(`Agendapunt 1: ${refA}`);
      expect(text).toContain(`Agendapunt 2: ${refC}`);
      expect(text).toContain('Élise stays at the shelter; police visits weekly.');
      expect(text).toContain('Opnemen in de ketenaanpak: Strangulation with children present');
      expect(text).not.toContain('INCLUDE');
      expect(text).toContain('ondertekeningssleutel van Schakel');
      const signature = (await http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.director.token)).expect(200)).body.seal.signature as string;
      expect(text.replace(/\n/g, '')).toContain(signature);
    });

    it('gives an attendee the items they attended and a case agency the items of its cases, nothing else', async () => {
      // The CAW member was present for item 1 only, and CAW is part of case A only.
      const caw = pdfText((await pdf(w.cawMember.token).expect(200)).body as Buffer);
      expect(caw).toContain(refA);
      expect(caw).toContain('Uittreksel: 1 van 2 agendapunten');
      expect(caw).not.toContain(refC);
      expect(caw).not.toContain('Tom Wouters');
      expect(caw).toContain(hash);
      // The police member was absent but police is part of both cases (it referred them).
      const police = pdfText((await pdf(w.policeMember.token).expect(200)).body as Buffer);
      expect(police).toContain(refA);
      expect(police).toContain(refC);
      // A colleague of a case agency who was not invited: the case agency's items.
      const colleague = await userSession(t, w.admin, w.agencies.caw, ['agency_member']);
      // Not before they acknowledged the protocol's confidentiality statement (issue 9).
      expect(JSON.parse(((await pdf(colleague.token).expect(403)).body as Buffer).toString()).code).toBe('CONFIDENTIALITY_NOT_ACKNOWLEDGED');
      await acknowledgeProtocol(t, w.protocolId, [colleague]);
      const col = pdfText((await pdf(colleague.token).expect(200)).body as Buffer);
      expect(col).toContain(refA);
      expect(col).not.toContain(refC);
      // Police directs neither case here, but is a case agency of both: its case director reads them too.
      const director = pdfText((await pdf(otherDirector.token).expect(200)).body as Buffer);
      expect(director).toContain(refC);
      // A signatory that is part of neither case, and was not invited, learns nothing.
      await pdf(w.outsider.token).expect(404);
    });

    it('access-logs every read of minutes', async () => {
      const res = await http().get(`/api/v1/access-log?caseId=${caseA}&limit=200`).set(auth(w.dpo.token)).expect(200);
      const reads = res.body.items.filter((e: { resource: string }) => e.resource === 'MINUTES');
      const readers = new Set(reads.map((e: { userId: string }) => e.userId));
      expect(reads.every((e: { resourceId: string }) => e.resourceId === conferenceId)).toBe(true);
      for (const s of [w.director, w.cawMember, w.policeMember]) expect(readers.has(s.id)).toBe(true);
    });

    it('still lets the invitees fetch the calendar file of a closed conference', async () => {
      const res = await http().get(`/api/v1/conferences/${conferenceId}/invite.ics`).set(auth(w.cawMember.token)).expect(200);
      expect(res.text).toContain('BEGIN:VCALENDAR');
    });
  });
});
