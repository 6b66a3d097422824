import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import type { World } from '../../api/test/support/world';
import { freshPage, openAs } from './support/sign-in';
import { acceptedCase, startWorld, type ServedApp } from './support/world';

describe('a case conference: the invitee acknowledges confidentiality before the agenda opens, in a real browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let w: World;
  let reference: string;
  let caseId: string;
  let conferenceId: string;

  beforeAll(async () => {
    ({ browser, app, w } = await startWorld());
    const http = () => app.http();
    ({ caseId, reference } = await acceptedCase(app, w, ['caw']));
    // The case director weighs the victim's risk, which becomes the case's risk level.
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    const victim = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM');
    await http()
      .post(`/api/v1/cases/${caseId}/risk-assessments`)
      .set(auth(w.director.token))
      .send({
        instrument: 'veilig-huis-ifg',
        version: 1,
        personId: victim.id,
        answers: { RF08: { value: 'yes', source: 'VICTIM' } },
        level: 'HIGH',
        levelRationale: 'Strangulation last night.',
      })
      .expect(201);
    const conference = await http()
      .post('/api/v1/conferences')
      .set(auth(w.director.token))
      .send({
        protocolId: w.protocolId,
        scheduledAt: '2026-12-14T14:00:00+01:00',
        location: 'FJC Antwerpen, zaal 2',
        caseIds: [caseId],
        inviteeUserIds: [w.cawMember.id],
      })
      .expect(201);
    conferenceId = conference.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the CAW member a limited agenda until they acknowledge, then the stage and risk of the case', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/conferences', w.cawMember);
    await page.getByRole('heading', { level: 1, name: 'Casusoverleg' }).waitFor();
    await page.getByRole('cell', { name: 'Genodigde — geheimhouding nog te bevestigen' }).waitFor();
    await page.getByRole('link', { name: /14 dec\.? 2026/ }).click();

    await page.getByRole('heading', { level: 1, name: /^Casusoverleg van 14 dec\.? 2026/ }).waitFor();
    const agenda = page.getByRole('table', { name: 'Agenda' });
    const row = agenda.getByRole('row').filter({ has: page.getByRole('rowheader', { name: reference }) });
    await row.getByRole('cell', { name: 'Dossiervorming' }).waitFor();
    // Limited: no persons, risk level or red flags before the acknowledgement.
    await page.getByText('U ziet alleen de referenties en stappen van de casussen tot u uw geheimhoudingsplicht bevestigt.').waitFor();
    expect(await agenda.getByRole('columnheader', { name: 'Risiconiveau' }).count()).toBe(0);

    const panel = page.getByRole('region', { name: 'Geheimhoudingsplicht' });
    await panel.getByText(/Ik houd geheim wat in het overleg wordt gedeeld \(art\. 458ter Strafwetboek\)/).waitFor();
    await panel.getByRole('button', { name: 'Ik bevestig mijn geheimhoudingsplicht' }).click();
    await page.getByText('Uw geheimhoudingsplicht is bevestigd. De agenda is nu volledig zichtbaar.').waitFor();
    await panel.getByText(/^U bevestigde uw geheimhoudingsplicht op /).waitFor();

    await agenda.getByRole('columnheader', { name: 'Risiconiveau' }).waitFor();
    await row.getByRole('cell', { name: 'Dossiervorming' }).waitFor();
    await row.getByRole('cell', { name: 'hoog', exact: true }).waitFor();
    await row.getByRole('cell', { name: /Wurging/ }).waitFor();
    expect(await page.getByText('U ziet alleen de referenties en stappen van de casussen tot u uw geheimhoudingsplicht bevestigt.').count()).toBe(0);

    // The API agrees: the acknowledgement is recorded.
    const after = await app.http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.cawMember.token)).expect(200);
    expect(after.body.acknowledgedAt).toEqual(expect.any(String));
    await context.close();
  });

  it('lets the chair run the conference (start, minutes with attendance and a decision, close, signed minutes), then weigh the victim on the risk tab', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/conferences/${conferenceId}`, w.director);
    await page.getByRole('heading', { level: 1, name: /^Casusoverleg van 14 dec\.? 2026/ }).waitFor();
    const mode = page.getByRole('region', { name: 'Overlegmodus' });
    await mode.getByRole('button', { name: 'Overleg starten' }).click();
    // Planned for 14 December, held today: the chair confirms the other day first.
    await page.getByRole('dialog', { name: 'Niet de geplande dag' }).getByRole('button', { name: 'Toch starten' }).click();
    await page.getByText('Het overleg is gestart.').waitFor();

    const item = page.getByRole('form', { name: `Punt 1: ${reference}` });
    await item.getByLabel('Verslag', { exact: true }).fill('Risk discussed; CAW follows up with the victim.');
    // The CAW member acknowledged confidentiality in the previous test, so they can be marked present.
    await item
      .getByRole('group', { name: 'Aanwezig' })
      .getByRole('checkbox', { name: /CAW Antwerpen/ })
      .check();
    await item.getByRole('button', { name: 'Beslissing toevoegen' }).click();
    await item.getByLabel('Beslissing 1', { exact: true }).selectOption({ index: 1 });
    await item.getByLabel('Motivering van beslissing 1').fill('High risk and children present.');
    await item.getByRole('button', { name: 'Verslag bewaren' }).click();
    await page.getByText(`Het verslag van ${reference} is bewaard.`).waitFor();
    // What the form sent: the trimmed minutes, the CAW member present, one decision.
    const saved = await app.http().get(`/api/v1/conferences/${conferenceId}`).set(auth(w.director.token)).expect(200);
    const minutes = saved.body.agenda[0].minutes;
    expect(minutes.minutes).toBe('Risk discussed; CAW follows up with the victim.');
    expect(minutes.attendance).toEqual(expect.arrayContaining([{ userId: w.cawMember.id, present: true }]));
    expect(minutes.decisions).toEqual([{ type: expect.any(String), rationale: 'High risk and children present.' }]);

    await mode.getByRole('button', { name: 'Overleg afsluiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Het overleg afsluiten?' });
    await dialog.getByRole('button', { name: 'Ja, afsluiten en verzegelen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Het overleg is afgesloten en het verslag verzegeld.').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ondertekend verslag (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^casusoverleg-2026-12-14-[0-9a-f]{8}\.pdf$/);

    // The same case director weighs the victim again on the case's risk tab (one sign-in: a TOTP code serves once).
    await page.goto(`${app.baseUrl}/cases/${caseId}/risk`);
    await page.getByRole('heading', { level: 1, name: `Casus ${reference}` }).waitFor();
    const history = page.getByRole('table', { name: /^Wegingen van Élise Van den Broeck/ });
    await history.getByRole('cell', { name: 'hoog', exact: true }).waitFor();

    const form = page.getByRole('region', { name: 'Nieuwe weging voor Élise Van den Broeck' });
    await form
      .getByRole('group', { name: /^Wurging/ })
      .getByRole('radio', { name: 'Ja' })
      .check();
    await form.getByLabel(/^Bron — Wurging/).selectOption('VICTIM');
    await form.getByRole('group', { name: 'Risiconiveau' }).getByRole('radio', { name: 'zeer hoog' }).check();
    await form.getByLabel('Motivering van het risiconiveau').fill('Second strangulation reported.');
    await form.getByRole('button', { name: 'Weging opslaan' }).click();

    const result = page.getByRole('region', { name: 'Resultaat van de weging' });
    await result.getByText('Na wurging is een medisch onderzoek aangewezen.').waitFor();
    expect(await result.getByText(/Score/).count()).toBe(0);
    await history.getByRole('cell', { name: 'zeer hoog', exact: true }).waitFor();
    expect(await history.getByRole('columnheader').count()).toBe(3);
    await context.close();
  });
});
