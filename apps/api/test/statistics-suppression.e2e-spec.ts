import { PDFDocument } from 'pdf-lib';
import { auth } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { buildWorld, referralBody, type World } from './support/world';

type Cell = number | null;

/** What a reader can do with a published breakdown: the hidden cells add up to total − published, each ≥ 1. */
function hiddenCellsAdmitTwoValues(cells: Cell[], total: number): boolean {
  const hidden = cells.filter((c) => c === null).length;
  if (hidden === 0) return true;
  const rest = total - cells.reduce<number>((a, c) => a + (c ?? 0), 0);
  return hidden >= 2 && rest >= hidden + 1;
}

/** No row or column of a table with a published total has exactly one hidden cell. */
function noLoneHiddenCell(lines: { cells: Cell[]; total: Cell }[]): boolean {
  return lines.every((l) => l.total === null || l.cells.filter((c) => c === null).length !== 1);
}

describe('statistics that cannot be subtracted, the annual report and the record of processing', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    w = await buildWorld(t);
    // Seven families: six with a female victim and a male alleged perpetrator, one the other way
    // round (the older free-text values V and M, and the codes). One case stays at intake.
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const odd = i === 6;
      const r = await t
        .http()
        .post('/api/v1/referrals')
        .set(auth(w.referrer.token))
        .send(
          referralBody(w.protocolId, {
            language: i < 5 ? 'NL' : 'FR',
            persons: [
              { role: 'VICTIM', firstName: `Slachtoffer${i}`, lastName: 'Sup', gender: odd ? 'MALE' : i % 2 ? 'V' : 'FEMALE' },
              { role: 'ALLEGED_PERPETRATOR', firstName: `Pleger${i}`, lastName: 'Sup', gender: odd ? 'FEMALE' : i % 2 ? 'M' : 'MALE' },
              ...(i < 3 ? [{ role: 'CHILD', firstName: `Kind${i}`, lastName: 'Sup' }] : []),
            ],
          }),
        )
        .expect(201);
      ids.push(r.body.caseId);
    }
    for (const id of ids.slice(0, 6)) {
      await t.http().post(`/api/v1/cases/${id}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a language outside the codes, naming the field', async () => {
    const res = await t
      .http()
      .post('/api/v1/referrals')
      .set(auth(w.referrer.token))
      .send(referralBody(w.protocolId, { language: 'Vlaams' }))
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('language');
  });

  it('overview: the one case at intake cannot be worked out from the total', async () => {
    const res = await t.http().get('/api/v1/statistics/overview').set(auth(w.liaison.token)).expect(200);
    expect(res.body.totalCases).toBe(7);
    const stages = res.body.perStage as { stage: string; count: Cell }[];
    // Naive suppression would publish DOSSIERVORMING 6 next to a total of 7.
    expect(stages.find((s) => s.stage === 'AANMELDING')!.count).toBeNull();
    expect(stages.find((s) => s.stage === 'DOSSIERVORMING')!.count).toBeNull();
    for (const key of ['perStage', 'perReferringAgencyType', 'perRiskLevel', 'perOutcome']) {
      expect([
        key,
        hiddenCellsAdmitTwoValues(
          (res.body[key] as { count: Cell }[]).map((r) => r.count),
          7,
        ),
      ]).toEqual([key, true]);
    }
    // The number of cases that left intake is 7 minus those still there: not published now.
    expect(res.body.medianDaysPerStage.every((d: { cases: Cell }) => d.cases === null)).toBe(true);
  });

  it('annual report: victims and alleged perpetrators by gender, with complementary suppression', async () => {
    const res = await t.http().get(`/api/v1/statistics/annual-report?year=${new Date().getUTCFullYear()}`).set(auth(w.director.token)).expect(200);
    const r = res.body;
    expect(r.district).toBe('Antwerpen');
    expect(r.referrals.total).toBe(7);
    expect(r.persons.roles).toEqual(['VICTIM', 'ALLEGED_PERPETRATOR']);
    expect(r.persons.genders).toEqual(['FEMALE', 'MALE', 'X', 'UNKNOWN']);
    // Victims: 6 female, 1 male; alleged perpetrators: 1 female, 6 male. Margins 7/7 and 7/7.
    expect(r.persons.roleTotals).toEqual([7, 7]);
    expect(r.persons.cells[0][1]).toBeNull();
    expect(r.persons.cells[1][0]).toBeNull();
    // Naive suppression would leave 6 next to a total of 7 in both rows: the complements are hidden too.
    expect(r.persons.cells[0][0]).toBeNull();
    expect(r.persons.cells[1][1]).toBeNull();
    expect(r.persons.cells[0][2]).toBe(0);
    const lines = [
      ...r.persons.cells.map((cells: Cell[], i: number) => ({ cells, total: r.persons.roleTotals[i] })),
      ...r.persons.genders.map((_: string, j: number) => ({ cells: r.persons.cells.map((row: Cell[]) => row[j]), total: r.persons.genderTotals[j] })),
    ];
    expect(noLoneHiddenCell(lines)).toBe(true);
    // Languages: 5 NL, 2 FR of 7 referrals → FR hidden and NL with it.
    const lang = Object.fromEntries(r.languages.map((x: { key: string; count: Cell }) => [x.key, x.count]));
    expect(lang).toMatchObject({ NL: null, FR: null, DE: 0 });
    expect(
      hiddenCellsAdmitTwoValues(
        r.languages.map((x: { count: Cell }) => x.count),
        7,
      ),
    ).toBe(true);
    // 3 of 7 cases with children: both hidden; 3 children: hidden.
    expect(r.children.cases.map((x: { count: Cell }) => x.count)).toEqual([null, null]);
    expect(r.children.children).toBeNull();
    expect(r.daysPerStep.map((d: { stage: string }) => d.stage)).toContain('AANMELDING');
  });

  it('annual report: a liaison cannot ask for another district; a partner gets nothing', async () => {
    const res = await t.http().get('/api/v1/statistics/annual-report?district=Gent').set(auth(w.liaison.token)).expect(403);
    expect(res.body.code).toBe('DISTRICT_NOT_ALLOWED');
    await t.http().get('/api/v1/statistics/annual-report').set(auth(w.cawMember.token)).expect(403);
    const bad = await t.http().get('/api/v1/statistics/annual-report?format=xlsx&year=1800').set(auth(w.dpo.token)).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/format|year/);
  });

  it('annual report as CSV: suppressed cells empty, formula-looking text neutralised', async () => {
    const res = await t.http().get('/api/v1/statistics/annual-report?format=csv&district=Antwerpen').set(auth(w.dpo.token)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.text.replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('"section","key","label_nl","label_fr","value","suppressed"');
    expect(lines).toContain('"referrals","TOTAL","Aanmeldingen (totaal)","Signalements (total)","7","false"');
    expect(lines.some((l) => l.startsWith('"persons","VICTIM.MALE",') && l.endsWith(',"","true"'))).toBe(true);
    // A district typed as a formula comes back as text.
    const evil = await t
      .http()
      .get(`/api/v1/statistics/annual-report?format=csv&district=${encodeURIComponent('=HYPERLINK("http://x","y")')}`)
      .set(auth(w.dpo.token))
      .expect(200);
    expect(evil.text).toContain('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const line of evil.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')) {
      for (const cell of line.slice(1, -1).split('","')) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('annual report as a bilingual PDF', async () => {
    const res = await t
      .http()
      .get('/api/v1/statistics/annual-report?format=pdf')
      .set(auth(w.liaison.token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(body);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toContain('Jaarverslag');
  });

  it('record of processing: purposes, categories, recipients, retention and legal bases from the protocols (DPO only)', async () => {
    const nl = await t.http().get('/api/v1/processing-record').set(auth(w.dpo.token)).expect(200);
    expect(nl.body.lang).toBe('nl');
    const a = nl.body.activities.find((x: { protocolId: string }) => x.protocolId === w.protocolId);
    expect(a).toMatchObject({
      name: 'Casusoverleg IFG Antwerpen',
      reference: 'PK/2026/458ter/001',
      district: 'Antwerpen',
      status: 'APPROVED',
      purposes: ['Multi-agency case conferences on high-risk partner violence'],
      retention: { months: 60, description: expect.stringContaining('60 maanden') },
    });
    expect(a.recipients.map((x: { name: string }) => x.name).sort()).toEqual(['CAW Antwerpen', 'CGG Antwerpen', 'FJC Antwerpen', 'PZ Antwerpen']);
    expect(a.dataCategories).toContainEqual({ key: 'IDENTIFICATION', label: 'Identificatiegegevens' });
    expect(a.dataSubjects.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD']));
    expect(a.legalBases).toContainEqual(expect.objectContaining({ key: 'ART_458TER', reference: expect.stringContaining('458ter') }));
    expect(a.legalBases.map((b: { key: string }) => b.key)).toContain('NECESSITY');
    expect(a).toHaveProperty('modalities');
    const fr = await t.http().get('/api/v1/processing-record?lang=fr').set(auth(w.dpo.token)).expect(200);
    expect(fr.body.title).toContain('Registre');
    expect(fr.body.activities[0].dataCategories[0].label).not.toBe(a.dataCategories[0].label);
    await t.http().get('/api/v1/processing-record?lang=de').set(auth(w.dpo.token)).expect(400);
    await t.http().get('/api/v1/processing-record').set(auth(w.liaison.token)).expect(403);
    await t.http().get('/api/v1/processing-record').set(auth(w.admin.token)).expect(403);
    const pdf = await t
      .http()
      .get('/api/v1/processing-record?format=pdf&lang=fr')
      .set(auth(w.dpo.token))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf.body as Buffer)).getTitle()).toContain('Registre');
  });
});
