import type { Browser } from 'playwright-core';
import { auth, userSession, type Session } from '../../api/test/support/sessions';
import type { World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { freshPage, openAs } from './support/sign-in';
import { acceptedCase, startWorld, type ServedApp } from './support/world';

describe('casework in a real browser: a handover, and a conference page that follows the room', () => {
  let browser: Browser;
  let app: ServedApp;
  let w: World;
  let director2: Session & { displayName: string };
  let caseId: string;
  let reference: string;
  const http = () => app.http();

  beforeAll(async () => {
    ({ browser, app, w } = await startWorld());
    const s = await userSession(app, w.admin, w.agencies.fjc, ['case_director']);
    director2 = { ...s, displayName: (await http().get('/api/v1/me').set(auth(s.token)).expect(200)).body.displayName };
    ({ caseId, reference } = await acceptedCase(app, w, ['caw']));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('hands the case over to another case director with a reason, shown in the team and the timeline', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/cases/${caseId}`, w.director);
    await page.getByRole('heading', { level: 1, name: `Casus ${reference}` }).waitFor();
    const team = page.getByRole('region', { name: 'Casusteam' });
    await team.getByRole('button', { name: 'Casus overdragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Casus overdragen' });
    await dialog.getByLabel('Nieuwe casusregisseur').selectOption({ label: `${director2.displayName} (FJC Antwerpen)` });
    await dialog.getByLabel('Reden').fill('Ouderschapsverlof vanaf maandag');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Overdragen' }).click();
    await page.getByText('De casus is overgedragen.').waitFor();
    await team.getByText(`Casusregisseur: ${director2.displayName}`).waitFor();
    await team.getByText(/^Plaatsvervanger:/).waitFor();

    const after = await http().get(`/api/v1/cases/${caseId}/timeline`).set(auth(director2.token)).expect(200);
    const handover = after.body.items.find((e: { type: string }) => e.type === 'HANDOVER');
    expect(handover).toMatchObject({ reason: 'Ouderschapsverlof vanaf maandag', detail: { toUserId: director2.id } });
    await page.goto(`${app.baseUrl}/cases/${caseId}/timeline`);
    await page.getByText('Casus overgedragen').first().waitFor();
    await context.close();
  });

  it('shows the chair acknowledgements as invitees give them, without reloading', async () => {
    // Chaired by the new case director: the first director's one-time code served the previous test.
    const conference = await http()
      .post('/api/v1/conferences')
      .set(auth(director2.token))
      .send({
        protocolId: w.protocolId,
        scheduledAt: '2030-03-04T14:00:00+01:00',
        location: 'FJC Antwerpen, zaal 2',
        caseIds: [caseId],
        inviteeUserIds: [w.cawMember.id, w.policeMember.id],
      })
      .expect(201);
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/conferences/${conference.body.id}`, director2);
    const invitees = page.getByRole('region', { name: 'Uitgenodigden' });
    await invitees.getByText('geheimhouding nog niet bevestigd').first().waitFor();
    expect(await invitees.getByText(/geheimhouding bevestigd op/).count()).toBe(0);
    // The agenda row links to the case.
    await page.getByRole('link', { name: `Casus ${reference} openen` }).waitFor();

    // In the room, the CAW member confirms on their own device.
    await http().post(`/api/v1/conferences/${conference.body.id}/acknowledge`).set(auth(w.cawMember.token)).send({}).expect(200);
    await invitees.getByText(/geheimhouding bevestigd op/).waitFor({ timeout: 15000 });
    expect(await invitees.getByText('geheimhouding nog niet bevestigd').count()).toBe(1);

    // Starting on another day than planned asks the chair first.
    await page.getByRole('region', { name: 'Overlegmodus' }).getByRole('button', { name: 'Overleg starten' }).click();
    const confirm = page.getByRole('dialog', { name: 'Niet de geplande dag' });
    await confirm.getByText(/Dit overleg was gepland op/).waitFor();
    await confirm.getByRole('button', { name: 'Toch starten' }).click();
    await page.getByText('Het overleg is gestart.').waitFor();

    // The police member acknowledges while the conference runs: the chair can now mark them present.
    await http().post(`/api/v1/conferences/${conference.body.id}/acknowledge`).set(auth(w.policeMember.token)).send({}).expect(200);
    await page.waitForFunction(() => !document.body.innerText.includes('geheimhouding nog niet bevestigd'), undefined, { timeout: 15000 });
    await context.close();
  });
});
