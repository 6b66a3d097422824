import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

interface PersonBody {
  id: string;
  role: string;
  firstName: string;
  birthYear: number | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  nationalNumber: string | null;
  withheld: string[];
  withheldReasons: Record<string, string>;
  relationships: { type: string }[];
  informed: boolean | null;
  consentGiven: boolean | null;
}

describe('persons: need-to-know compartments, editing after referral, relationships, per-person consent', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  const http = () => t.http();
  const persons = async (token: string, kase = caseId): Promise<PersonBody[]> =>
    (await http().get(`/api/v1/cases/${kase}`).set(auth(token)).expect(200)).body.persons;
  const victim = async (token: string) => (await persons(token)).find((p) => p.role === 'VICTIM')!;
  const COMPARTMENT = ['address', 'birthDate', 'email', 'nationalNumber', 'phone'];

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const body: Record<string, unknown> = referralBody(w.protocolId, { informed: undefined, consentGiven: undefined });
    body.persons = [
      {
        role: 'VICTIM',
        firstName: 'Élise',
        lastName: 'Van den Broeck',
        birthDate: '1991-03-14',
        nationalNumber: '91.03.14-123.31',
        address: 'Kerkstraat 1, 2000 Antwerpen',
        phone: '+32 470 12 34 56',
        informed: true,
        consentGiven: true,
      },
      { role: 'ALLEGED_PERPETRATOR', firstName: 'Marc', lastName: 'Janssens', birthDate: '1988-07-02', informed: false, consentGiven: false },
    ];
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(body).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    // The perpetrator-side agency: a mental-health service supporting the alleged perpetrator.
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.outsider }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows every field to the referring agency and the case director agency', async () => {
    for (const token of [w.policeMember.token, w.director.token]) {
      const v = await victim(token);
      expect(v).toMatchObject({
        firstName: 'Élise',
        birthDate: '1991-03-14',
        birthYear: 1991,
        nationalNumber: '91031412331',
        address: 'Kerkstraat 1, 2000 Antwerpen',
        phone: '+32 470 12 34 56',
        withheld: [],
      });
    }
  });

  it('withholds identification and contact data from a partner and from the perpetrator-side agency', async () => {
    const outsider = (await http().post('/api/v1/auth/login').send({ email: w.outsider.email, password: w.outsider.password })).status;
    expect(outsider).toBe(200);
    for (const token of [w.cawMember.token, w.outsider.token]) {
      const v = await victim(token);
      expect(v).toMatchObject({ firstName: 'Élise', birthYear: 1991, birthDate: null, nationalNumber: null, address: null, phone: null });
      expect([...v.withheld].sort()).toEqual(COMPARTMENT);
      expect(v.withheldReasons.address).toBe('NEED_TO_KNOW');
    }
  });

  it('keeps the referrer (reference and stage only) and outsiders out', async () => {
    const ref = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.referrer.token)).expect(200);
    expect(ref.body.persons).toBeUndefined();
    await http().get(`/api/v1/cases/${caseId}`).set(auth(w.liaison.token)).expect(403);
  });

  it('records informing and consent per person at referral, in the consent panel', async () => {
    const ps = await persons(w.director.token);
    const [v, p] = [ps.find((x) => x.role === 'VICTIM')!, ps.find((x) => x.role === 'ALLEGED_PERPETRATOR')!];
    expect(v).toMatchObject({ informed: true, consentGiven: true });
    expect(p).toMatchObject({ informed: false, consentGiven: false });
    const panel = await http().get(`/api/v1/cases/${caseId}/consents`).set(auth(w.cawMember.token)).expect(200);
    expect(panel.body.items.map((c: { personId: string; status: string }) => [c.personId, c.status])).toEqual([[v.id, 'GIVEN']]);
    expect(panel.body.notices.map((n: { personId: string }) => n.personId)).toEqual([v.id]);
  });

  it('discloses contact data to one agency through the sharing log, and only that agency sees it', async () => {
    const v = await victim(w.director.token);
    const refused = await http()
      .post(`/api/v1/cases/${caseId}/persons/${v.id}/disclosures`)
      .set(auth(w.cawMember.token))
      .send({ toAgencyIds: [w.agencies.outsider], categories: ['CONTACT'], legalBasis: 'ART_458TER', justification: 'Needed to plan the safety visit' })
      .expect(403);
    expect(refused.body.code).toBe('NOT_PERSON_FILE_HOLDER');
    const noReason = await http()
      .post(`/api/v1/cases/${caseId}/persons/${v.id}/disclosures`)
      .set(auth(w.director.token))
      .send({ toAgencyIds: [w.agencies.caw], categories: ['CONTACT'], legalBasis: 'ART_458TER' })
      .expect(422);
    expect(noReason.body.code).toBe('JUSTIFICATION_REQUIRED');

    const req = await http()
      .post(`/api/v1/cases/${caseId}/persons/${v.id}/data-requests`)
      .set(auth(w.cawMember.token))
      .send({ categories: ['CONTACT'], reason: 'We need to reach her for the safety plan' })
      .expect(201);
    const open = await http().get(`/api/v1/cases/${caseId}/data-requests`).set(auth(w.director.token)).expect(200);
    expect(open.body.items).toEqual([
      expect.objectContaining({ id: req.body.id, personId: v.id, agencyId: w.agencies.caw, categories: ['CONTACT'], fulfilledAt: null }),
    ]);

    const d = await http()
      .post(`/api/v1/cases/${caseId}/persons/${v.id}/disclosures`)
      .set(auth(w.director.token))
      .send({
        toAgencyIds: [w.agencies.caw],
        categories: ['CONTACT'],
        legalBasis: 'ART_458TER',
        justification: 'Needed to plan the safety visit',
        requestId: req.body.id,
      })
      .expect(201);
    expect(d.body).toMatchObject({ seq: expect.any(Number), categories: ['CONTACT'], toAgencyIds: [w.agencies.caw], legalBasis: 'ART_458TER' });

    const caw = await victim(w.cawMember.token);
    expect(caw).toMatchObject({ address: 'Kerkstraat 1, 2000 Antwerpen', phone: '+32 470 12 34 56', birthDate: null, nationalNumber: null });
    expect([...caw.withheld].sort()).toEqual(['birthDate', 'nationalNumber']);
    const outsider = await victim(w.outsider.token);
    expect(outsider.address).toBeNull();

    const log = await http().get(`/api/v1/sharing-log?caseId=${caseId}`).set(auth(w.dpo.token)).expect(200);
    expect(log.body.items.find((e: { seq: number }) => e.seq === d.body.seq)).toMatchObject({
      categories: ['CONTACT'],
      toAgencyIds: [w.agencies.caw],
      justification: 'Needed to plan the safety visit',
    });
    expect((await http().get('/api/v1/sharing-log/verify').set(auth(w.dpo.token)).expect(200)).body.valid).toBe(true);
    const after = await http().get(`/api/v1/cases/${caseId}/data-requests`).set(auth(w.cawMember.token)).expect(200);
    expect(after.body.items[0].fulfilledAt).not.toBeNull();
  });

  it('keeps a confidential address with its author agency: hidden from the case director, never disclosed', async () => {
    const added = await http()
      .post(`/api/v1/cases/${caseId}/persons`)
      .set(auth(w.policeMember.token))
      .send({ role: 'VICTIM', firstName: 'Sara', lastName: 'Peeters', birthDate: '1995-01-02', address: 'Vluchthuis, geheim adres', confidentialAddress: true })
      .expect(201);
    expect(added.body).toMatchObject({ address: 'Vluchthuis, geheim adres', withheld: [] });
    const director = (await persons(w.director.token)).find((p) => p.id === added.body.id)!;
    expect(director).toMatchObject({ address: null, birthDate: '1995-01-02', withheldReasons: { address: 'CONFIDENTIAL_ADDRESS' } });
    const refused = await http()
      .post(`/api/v1/cases/${caseId}/persons/${added.body.id}/disclosures`)
      .set(auth(w.policeMember.token))
      .send({ toAgencyIds: [w.agencies.caw], categories: ['CONTACT'], legalBasis: 'ART_458TER', justification: 'Needed to plan the safety visit' })
      .expect(422);
    expect(refused.body.code).toBe('CONFIDENTIAL_ADDRESS');
    const lift = await http()
      .patch(`/api/v1/cases/${caseId}/persons/${added.body.id}`)
      .set(auth(w.director.token))
      .send({ confidentialAddress: false })
      .expect(422);
    expect(lift.body.code).toBe('CONFIDENTIAL_ADDRESS');
  });

  it('lets the case director and the referring agency add and correct persons, with timeline entries; not a partner', async () => {
    const child = await http()
      .post(`/api/v1/cases/${caseId}/persons`)
      .set(auth(w.director.token))
      .send({ role: 'CHILD', firstName: 'Lena', lastName: 'Janssens', birthDate: '2019-02-03' })
      .expect(201);
    await http().post(`/api/v1/cases/${caseId}/persons`).set(auth(w.cawMember.token)).send({ role: 'CHILD', firstName: 'X', lastName: 'Y' }).expect(403);
    await http().post(`/api/v1/cases/${caseId}/persons`).set(auth(w.director.token)).send({ role: 'CHILD', firstName: 'X' }).expect(400);
    const fixed = await http()
      .patch(`/api/v1/cases/${caseId}/persons/${child.body.id}`)
      .set(auth(w.referrer.token))
      .send({ birthDate: '2019-02-04', version: child.body.version })
      .expect(200);
    expect(fixed.body).toMatchObject({ birthDate: '2019-02-04', firstName: 'Lena' });
    const stale = await http()
      .patch(`/api/v1/cases/${caseId}/persons/${child.body.id}`)
      .set(auth(w.director.token))
      .send({ lastName: 'Z', version: child.body.version })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    await http().patch(`/api/v1/cases/${caseId}/persons/${child.body.id}`).set(auth(w.cawMember.token)).send({ lastName: 'Z' }).expect(403);
    const timeline = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
    const types = timeline.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PERSON_ADDED', 'PERSON_UPDATED']));
    const upd = timeline.body.items.find((e: { type: string }) => e.type === 'PERSON_UPDATED');
    expect(upd.detail).toEqual({ personId: child.body.id, fields: ['birthDate'] });
    expect(JSON.stringify(timeline.body)).not.toContain('2019-02-04');
  });

  it('records relationships with a type and the direction of violence; roles per relationship', async () => {
    const ps = await persons(w.director.token);
    const v = ps.find((p) => p.firstName === 'Élise')!;
    const p = ps.find((x) => x.role === 'ALLEGED_PERPETRATOR')!;
    const child = ps.find((x) => x.firstName === 'Lena')!;
    const r1 = await http()
      .post(`/api/v1/cases/${caseId}/relationships`)
      .set(auth(w.director.token))
      .send({ fromPersonId: p.id, toPersonId: v.id, type: 'EX_PARTNER', violence: 'MUTUAL' })
      .expect(201);
    expect(r1.body).toMatchObject({ type: 'EX_PARTNER', violence: 'MUTUAL' });
    await http()
      .post(`/api/v1/cases/${caseId}/relationships`)
      .set(auth(w.policeMember.token))
      .send({ fromPersonId: p.id, toPersonId: child.id, type: 'PARENT', violence: 'ONE_WAY' })
      .expect(201);
    await http()
      .post(`/api/v1/cases/${caseId}/relationships`)
      .set(auth(w.director.token))
      .send({ fromPersonId: p.id, toPersonId: v.id, type: 'EX_PARTNER', violence: 'NONE' })
      .expect(409);
    const bad = await http()
      .post(`/api/v1/cases/${caseId}/relationships`)
      .set(auth(w.director.token))
      .send({ fromPersonId: p.id, toPersonId: v.id, type: 'COUSIN', violence: 'NONE' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('type');
    await http()
      .post(`/api/v1/cases/${caseId}/relationships`)
      .set(auth(w.cawMember.token))
      .send({ fromPersonId: p.id, toPersonId: v.id, type: 'PARTNER', violence: 'NONE' })
      .expect(403);
    const seen = (await persons(w.cawMember.token)).find((x) => x.id === p.id)!;
    expect(seen.relationships.map((r) => r.type).sort()).toEqual(['EX_PARTNER', 'PARENT']);
  });
});
