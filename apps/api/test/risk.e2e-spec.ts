import { withClient } from '../../../tools/test/test-database';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

interface PersonRow {
  id: string;
  role: string;
}

describe('risk instruments and risk assessments (Weging)', () => {
  let t: TestApp;
  let w: World;
  let caseId: string;
  let victimId: string;
  let perpetratorId: string;
  let childId: string;
  let otherCaseId: string;
  let otherVictimId: string;
  const http = () => t.http();
  const NOTE = 'Gewurgd met een sjaal in de keuken';
  const RATIONALE = 'Escalating strangulation while the children were at home';
  const assess = (body: Record<string, unknown>, token = w.cawMember.token, kase = caseId) =>
    http().post(`/api/v1/cases/${kase}/risk-assessments`).set(auth(token)).send(body);
  const base = (over: Record<string, unknown> = {}) => ({
    instrument: 'veilig-huis-ifg',
    version: 1,
    personId: victimId,
    answers: {},
    level: 'MEDIUM',
    ...over,
  });
  const fields = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    const r = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    const byRole = (role: string) => (detail.body.persons as PersonRow[]).find((p) => p.role === role)!.id;
    victimId = byRole('VICTIM');
    perpetratorId = byRole('ALLEGED_PERPETRATOR');
    childId = byRole('CHILD');

    // Another case, declined at intake: a closed case of the police (the referring agency).
    const other = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(
        referralBody(w.protocolId, {
          persons: [
            { role: 'VICTIM', firstName: 'Sofie', lastName: 'Peeters', birthDate: '1985-01-02' },
            { role: 'ALLEGED_PERPETRATOR', firstName: 'Tom', lastName: 'Maes' },
          ],
        }),
      )
      .expect(201);
    otherCaseId = other.body.caseId;
    const otherDetail = await http().get(`/api/v1/cases/${otherCaseId}`).set(auth(w.policeMember.token)).expect(200);
    otherVictimId = (otherDetail.body.persons as PersonRow[]).find((p) => p.role === 'VICTIM')!.id;
    await http()
      .post(`/api/v1/cases/${otherCaseId}/transitions`)
      .set(auth(w.director.token))
      .send({ to: 'AFGESLOTEN', reason: 'not partner violence' })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('instruments', () => {
    it('lists the built-in instrument, without scoring', async () => {
      const res = await http().get('/api/v1/risk-instruments').set(auth(w.cawMember.token)).expect(200);
      expect(res.body).toEqual({
        items: [{ key: 'veilig-huis-ifg', version: 1, title: { nl: expect.any(String), fr: expect.any(String), en: expect.any(String) }, scoring: false }],
      });
    });

    it('serves the full definition to any signed-in user', async () => {
      const res = await http().get('/api/v1/risk-instruments/veilig-huis-ifg/1').set(auth(w.referrer.token)).expect(200);
      expect(res.body).toMatchObject({ key: 'veilig-huis-ifg', version: 1, scoring: null, answerValues: ['yes', 'no', 'unknown', 'n/a'] });
      expect(res.body.sections.map((s: { key: string }) => s.key)).toEqual(['RED_FLAGS', 'PROTECTIVE_FACTORS', 'KINDREFLEX']);
      expect(res.body.sections[0].items).toHaveLength(14);
      expect(res.body.sections[1].items).toHaveLength(11);
      expect(res.body.sections[2]).toMatchObject({ perChild: true, items: expect.arrayContaining([expect.objectContaining({ key: 'K6' })]) });
      expect(res.body.violencePatterns.map((p: { value: string }) => p.value)).toEqual(['SITUATIONAL', 'INTIMATE_TERRORISM', 'UNCLEAR']);
      expect(res.body.source).toContain('not COL 15/2020');
    });

    it.each(['/veilig-huis-ifg/2', '/col-15-2020/1', '/veilig-huis-ifg/one', '/veilig-huis-ifg/01'])('answers 404 for %s', async (path) => {
      await http().get(`/api/v1/risk-instruments${path}`).set(auth(w.cawMember.token)).expect(404);
    });

    it('needs a signed-in user', async () => {
      await http().get('/api/v1/risk-instruments').expect(401);
    });

    it('documents the routes and the answers body in OpenAPI', async () => {
      const doc = await http().get('/api/docs-json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/risk-instruments', '/api/v1/risk-instruments/{key}/{version}', '/api/v1/cases/{id}/risk-assessments']),
      );
      const schema = doc.body.components.schemas.CreateRiskAssessmentDto;
      expect(schema.required).toEqual(expect.arrayContaining(['instrument', 'version', 'answers', 'level']));
      expect(schema.properties.answers.additionalProperties.properties.value.enum).toEqual(['yes', 'no', 'unknown', 'n/a']);
    });
  });

  describe('assessments', () => {
    let firstId: string;

    it('stores an assessment: indicators and prompts, no score for an instrument without validated scoring', async () => {
      const res = await assess(
        base({
          answers: {
            RF08: { value: 'yes', source: 'VICTIM', note: `  ${NOTE}  ` },
            RF13: { value: 'yes' },
            RF01: { value: 'no' },
            PF01: { value: 'yes' },
            PF02: { value: 'unknown' },
          },
          level: 'HIGH',
          levelRationale: RATIONALE,
        }),
      ).expect(201);
      firstId = res.body.id;
      expect(res.body).toEqual({
        id: expect.any(String),
        caseId,
        personId: victimId,
        instrument: 'veilig-huis-ifg',
        version: 1,
        answers: {
          RF01: { value: 'no' },
          RF08: { value: 'yes', source: 'VICTIM', note: NOTE },
          RF13: { value: 'yes' },
          PF01: { value: 'yes' },
          PF02: { value: 'unknown' },
        },
        indicators: { redFlags: ['RF08', 'RF13'], protectiveFactors: ['PF01'] },
        prompts: [
          { code: 'KINDREFLEX_REQUIRED', itemKeys: ['RF13'] },
          { code: 'MEDICAL_CHECK_ADVISED', itemKeys: ['RF08'] },
        ],
        level: 'HIGH',
        levelRationale: RATIONALE,
        violencePattern: null,
        assessedBy: w.cawMember.id,
        assessedAgencyId: w.agencies.caw,
        createdAt: expect.any(String),
      });
      expect(res.body).not.toHaveProperty('score');
      expect(res.body).not.toHaveProperty('suggestedLevel');
    });

    it("makes the level the case's current risk level, and writes the timeline without the answers", async () => {
      const c = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
      expect(c.body.riskLevel).toBe('HIGH');
      const timeline = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(w.director.token)).expect(200);
      const event = timeline.body.items.find((e: { type: string }) => e.type === 'RISK_ASSESSED');
      expect(event.detail).toEqual({
        assessmentId: firstId,
        personId: victimId,
        instrument: 'veilig-huis-ifg',
        version: 1,
        level: 'HIGH',
        previousLevel: null,
      });
      expect(event.actor).toMatchObject({ id: w.cawMember.id, agencyId: w.agencies.caw });
      expect(JSON.stringify(timeline.body)).not.toContain('sjaal');
      expect(JSON.stringify(timeline.body)).not.toContain('Escalating');
    });

    it('keeps answers and the rationale unreadable in the database', async () => {
      const rows = await withClient(t.db.url, (c) => c.query('SELECT * FROM risk_assessments WHERE id = $1', [firstId]));
      expect(rows.rows).toHaveLength(1);
      const row = rows.rows[0];
      const dump = JSON.stringify(rows.rows);
      for (const secret of ['sjaal', 'Gewurgd', 'Escalating', 'VICTIM']) expect(dump).not.toContain(secret);
      expect(row.answers).not.toMatch(/RF08|yes/);
      expect(row).toMatchObject({
        instrument_key: 'veilig-huis-ifg',
        instrument_version: 1,
        level: 'HIGH',
        score: null,
        suggested_level: null,
        indicators: { redFlags: ['RF08', 'RF13'], protectiveFactors: ['PF01'] },
      });
    });

    it('answers the Kindreflex per child, and raises the contraindications of intimate terrorism', async () => {
      const res = await assess(
        base({
          personId: perpetratorId,
          answers: { RF02: { value: 'yes' }, [`K1:${childId}`]: { value: 'yes' }, [`K2:${childId}`]: { value: 'unknown', source: 'PROFESSIONAL_OBSERVATION' } },
          level: 'VERY_HIGH',
          violencePattern: 'INTIMATE_TERRORISM',
        }),
        w.director.token,
      ).expect(201);
      expect(res.body.answers).toEqual({
        RF02: { value: 'yes' },
        [`K1:${childId}`]: { value: 'yes' },
        [`K2:${childId}`]: { value: 'unknown', source: 'PROFESSIONAL_OBSERVATION' },
      });
      expect(res.body.prompts.map((p: { code: string }) => p.code)).toEqual([
        'KINDREFLEX_REQUIRED',
        'COUPLE_THERAPY_CONTRAINDICATED',
        'NO_JOINT_CONVERSATIONS',
        'PROTECT_LOCATION_DATA',
      ]);
      expect(res.body.indicators).toEqual({ redFlags: ['RF02'], protectiveFactors: [] });
      expect(res.body.violencePattern).toBe('INTIMATE_TERRORISM');
      const c = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
      expect(c.body.riskLevel).toBe('VERY_HIGH');
    });

    it('lists the assessments in order, filtered by person, and records the read in the access log', async () => {
      const all = await http().get(`/api/v1/cases/${caseId}/risk-assessments`).set(auth(w.policeMember.token)).expect(200);
      expect(all.body.items.map((a: { personId: string; level: string }) => [a.personId, a.level])).toEqual([
        [victimId, 'HIGH'],
        [perpetratorId, 'VERY_HIGH'],
      ]);
      expect(all.body.items[0].answers.RF08.note).toBe(NOTE);
      expect(all.body.items[0].levelRationale).toBe(RATIONALE);
      expect(all.body.items[0]).not.toHaveProperty('score');

      const victim = await http().get(`/api/v1/cases/${caseId}/risk-assessments?personId=${victimId}`).set(auth(w.cawMember.token)).expect(200);
      expect(victim.body.items.map((a: { id: string }) => a.id)).toEqual([firstId]);
      const child = await http().get(`/api/v1/cases/${caseId}/risk-assessments?personId=${childId}`).set(auth(w.cawMember.token)).expect(200);
      expect(child.body.items).toEqual([]);
      const bad = await http().get(`/api/v1/cases/${caseId}/risk-assessments?personId=nope`).set(auth(w.cawMember.token)).expect(400);
      expect(fields(bad)).toEqual(['personId']);

      const log = await http().get(`/api/v1/access-log?caseId=${caseId}&userId=${w.policeMember.id}`).set(auth(w.dpo.token)).expect(200);
      expect(log.body.items.map((e: { resource: string }) => e.resource)).toContain('RISK_ASSESSMENTS');
    });

    it("keeps a person's history comparable: same instrument version, same item keys", async () => {
      await assess(base({ answers: { RF08: { value: 'no' }, RF13: { value: 'yes' } }, level: 'MEDIUM' })).expect(201);
      const res = await http().get(`/api/v1/cases/${caseId}/risk-assessments?personId=${victimId}`).set(auth(w.cawMember.token)).expect(200);
      expect(res.body.items.map((a: { instrument: string; version: number; level: string }) => [a.instrument, a.version, a.level])).toEqual([
        ['veilig-huis-ifg', 1, 'HIGH'],
        ['veilig-huis-ifg', 1, 'MEDIUM'],
      ]);
      expect(res.body.items.map((a: { indicators: { redFlags: string[] } }) => a.indicators.redFlags)).toEqual([['RF08', 'RF13'], ['RF13']]);
      const c = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
      expect(c.body.riskLevel).toBe('MEDIUM');
    });
  });

  describe('refusals', () => {
    it('names an unknown item key, a bad value and an unknown field of an answer', async () => {
      const res = await assess(base({ answers: { RF99: { value: 'yes' }, RF01: { value: 'maybe' }, RF02: { value: 'yes', weight: 3 } } })).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fields(res)).toEqual(['answers.RF99', 'answers.RF01.value', 'answers.RF02.weight']);
      expect(res.body.details[0].message).toContain('RF99');
    });

    it('refuses a per-child answer without a child of this case', async () => {
      const res = await assess(base({ answers: { K1: { value: 'yes' }, [`K2:${victimId}`]: { value: 'yes' } } })).expect(400);
      expect(fields(res)).toEqual(['answers.K1', `answers.K2:${victimId}`]);
    });

    it('refuses a person of another case', async () => {
      const res = await assess(base({ personId: otherVictimId })).expect(400);
      expect(fields(res)).toEqual(['personId']);
    });

    it('refuses an unknown instrument or version', async () => {
      expect(fields(await assess(base({ version: 2 })).expect(400))).toEqual(['instrument']);
      expect(fields(await assess(base({ instrument: 'col-15-2020' })).expect(400))).toEqual(['instrument']);
    });

    it('refuses a score, an unknown level or violence pattern, and answers that are not an object', async () => {
      const res = await assess(base({ score: 12, suggestedLevel: 'LOW', level: 'EXTREME', violencePattern: 'MUTUAL', answers: ['RF01'] })).expect(400);
      expect(fields(res).sort()).toEqual(['answers', 'level', 'score', 'suggestedLevel', 'violencePattern']);
    });

    it('answers 404 to an agency outside the case, for writing and reading', async () => {
      await assess(base({ answers: { RF01: { value: 'yes' } } }), w.outsider.token).expect(404);
      await http().get(`/api/v1/cases/${caseId}/risk-assessments`).set(auth(w.outsider.token)).expect(404);
    });

    it('answers 404 for a case that does not exist', async () => {
      await assess(base(), w.cawMember.token, '00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('refuses roles without case partnership (the referrer follows by reference only)', async () => {
      await assess(base(), w.referrer.token).expect(403);
      await http().get(`/api/v1/cases/${caseId}/risk-assessments`).set(auth(w.liaison.token)).expect(403);
    });

    it('refuses an assessment on a closed case', async () => {
      const res = await assess(base({ personId: otherVictimId }), w.policeMember.token, otherCaseId).expect(422);
      expect(res.body.code).toBe('CASE_CLOSED');
    });

    it('writes nothing on a refusal', async () => {
      const rows = await withClient(t.db.url, (c) => c.query('SELECT count(*)::int AS n FROM risk_assessments'));
      expect(rows.rows[0].n).toBe(3);
    });
  });

  it('assesses the victim when the body names no person (api.md body)', async () => {
    const r = await http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(
        referralBody(w.protocolId, {
          persons: [
            { role: 'CHILD', firstName: 'Kid', lastName: 'Default' },
            { role: 'VICTIM', firstName: 'Vic', lastName: 'Default' },
          ],
        }),
      )
      .expect(201);
    const kase = r.body.caseId as string;
    await http().post(`/api/v1/cases/${kase}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    const detail = await http().get(`/api/v1/cases/${kase}`).set(auth(w.director.token)).expect(200);
    const victim = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM');
    const res = await http()
      .post(`/api/v1/cases/${kase}/risk-assessments`)
      .set(auth(w.director.token))
      .send({ instrument: 'veilig-huis-ifg', version: 1, answers: { RF04: { value: 'yes' } }, level: 'HIGH', levelRationale: 'recent violence' })
      .expect(201);
    expect(res.body.personId).toBe(victim.id);
  });
});
