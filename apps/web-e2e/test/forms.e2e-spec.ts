import type { Browser } from 'playwright-core';
import { auth, userSession } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, openAs } from './support/sign-in';

describe('forms that forgive, in a real browser: the referral, closing a case', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("checks the national number's check digits and shows it formatted", async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/refer', w.referrer);
    const first = page.getByRole('group', { name: 'Persoon 1' });
    const nn = first.getByLabel('Rijksregisternummer');
    await nn.fill('91.03.14-123.45');
    await nn.press('Tab');
    await first.getByText('De controlecijfers kloppen niet').waitFor();
    expect(await nn.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await nn.fill('91031412331');
    await nn.press('Tab');
    await first.getByText('De controlecijfers kloppen niet').waitFor({ state: 'detached' });
    expect(await nn.inputValue()).toBe('91.03.14-123.31');
    await context.close();
  });

  it('asks before leaving a half-filled referral, and keeps it as a draft when the officer leaves', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/refer', w.referrer);
    const summary = page.getByLabel('Wat er gebeurde en waarom casusoverleg nodig is');
    await summary.fill('Partner threatened the victim with a knife last night.');
    await page.getByRole('group', { name: 'Persoon 1' }).getByLabel('Voornaam').fill('Aylin');
    await page.getByText('54 van 10000 tekens').waitFor();

    // Leaving through the menu: held, with the choice to stay.
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Start' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deze pagina verlaten?' });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/refer');
    expect(await summary.inputValue()).toContain('knife');

    // Leaving for real, then coming back: the draft is there.
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Start' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Pagina verlaten' }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Aanmelden' }).click();
    await page.getByText('We zetten de aanmelding terug die u begonnen was.').waitFor();
    expect(await page.getByLabel('Wat er gebeurde en waarom casusoverleg nodig is').inputValue()).toContain('knife');
    expect(await page.getByRole('group', { name: 'Persoon 1' }).getByLabel('Voornaam').inputValue()).toBe('Aylin');

    // Discarded: an empty form, and nothing holds the navigation any more.
    await page.getByRole('button', { name: 'Ontwerp weggooien' }).click();
    expect(await page.getByLabel('Wat er gebeurde en waarom casusoverleg nodig is').inputValue()).toBe('');
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Start' }).click();
    await page.waitForURL(`${app.baseUrl}/`);
    await context.close();
  });

  it('asks before leaving a half-filled protocol draft, and lets go once it is created with its approver and modalities', async () => {
    // A case director of their own: a TOTP code serves once, and the next test signs in as w.director.
    const author = await userSession(app, w.admin, w.agencies.fjc, ['case_director']);
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/protocols/new', author);
    await page.getByRole('heading', { level: 1, name: 'Nieuw protocol' }).waitFor();
    await page.getByLabel('Titel', { exact: true }).fill('Protocol Mechelen 2027');

    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Start' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deze pagina verlaten?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/protocols/new');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Protocol Mechelen 2027');

    // Created: the page moves to the new draft without asking.
    await page.getByLabel('Doel', { exact: true }).fill('Structured case conferences on high-risk family violence.');
    await page.getByRole('group', { name: 'Gegevenscategorieën die gedeeld mogen worden' }).getByRole('checkbox', { name: 'Identificatie' }).check();
    await page.getByLabel('Geldig vanaf').fill('2027-01-01');
    // The prosecution office that must approve, and the modalities of art. 458ter.
    await page
      .getByRole('group', { name: 'Parketten die moeten goedkeuren' })
      .getByRole('checkbox', { name: /^Parket Antwerpen/ })
      .check();
    await page.getByRole('checkbox', { name: 'De modaliteiten van art. 458ter vastleggen' }).check();
    const modalities = page.getByRole('group', { name: 'Modaliteiten' });
    await modalities.getByLabel('Inclusiecriteria').fill('Kinderen zijn betrokken\n\nEerdere feiten van partnergeweld');
    await modalities.getByLabel('Voorzitter van het casusoverleg').fill('x');
    await modalities.getByLabel('Hoe en wanneer de betrokkenen geïnformeerd worden').fill('Bij de aanmelding, schriftelijk.');
    await modalities.getByLabel('Taalregeling').selectOption('BILINGUAL');
    // Refused first: the chair is too short and no route is chosen.
    await page.getByRole('button', { name: 'Ontwerp aanmaken' }).click();
    expect(await modalities.getByLabel('Juridische route').getAttribute('aria-invalid')).toBe('true');
    expect(await modalities.getByLabel('Voorzitter van het casusoverleg').getAttribute('aria-invalid')).toBe('true');
    await modalities.getByLabel('Voorzitter van het casusoverleg').fill('Casusregisseur FJC');
    await modalities.getByLabel('Juridische route').selectOption('PROSECUTOR');
    await page.getByRole('button', { name: 'Ontwerp aanmaken' }).click();
    await page.getByText('Het ontwerpprotocol „Protocol Mechelen 2027” werd aangemaakt.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/protocols\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // The protocol page shows them.
    await page.getByRole('heading', { level: 2, name: 'Goedkeurende parketten' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Parket Antwerpen$/ })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Modaliteiten' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Eerdere feiten van partnergeweld$/ })
      .waitFor();
    await page.getByText('Casusregisseur FJC', { exact: true }).waitFor();
    await page.getByText('Tweetalig', { exact: true }).waitFor();
    await page.getByText('Goedkeuring door de procureur', { exact: true }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const saved = await app.http().get(`/api/v1/protocols/${id}`).set(auth(author.token)).expect(200);
    expect(saved.body.approverAgencyIds).toEqual([w.agencies.prosecution]);
    expect(saved.body.modalities).toEqual({
      inclusionCriteria: ['Kinderen zijn betrokken', 'Eerdere feiten van partnergeweld'],
      chair: 'Casusregisseur FJC',
      informing: 'Bij de aanmelding, schriftelijk.',
      languageRegime: 'BILINGUAL',
      route: 'PROSECUTOR',
    });
    await context.close();
  });

  it('says what closing a case leaves behind before the case director confirms', async () => {
    const http = () => app.http();
    const referral = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    const caseId = referral.body.caseId as string;
    await http()
      .post('/api/v1/conferences')
      .set(auth(w.director.token))
      .send({
        protocolId: w.protocolId,
        scheduledAt: '2030-03-04T14:00:00+01:00',
        location: 'FJC Antwerpen, zaal 2',
        caseIds: [caseId],
        inviteeUserIds: [w.cawMember.id],
      })
      .expect(201);
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/cases/${caseId}`, w.director);
    await page.getByRole('button', { name: 'Aanmelding weigeren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aanmelding weigeren' });
    await dialog.getByText('Bij het afsluiten van de casus blijft achter:').waitFor();
    await dialog.getByText('1 casusoverleg met deze casus nog op de agenda').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The reason is still asked, with its limit shown, and the case closes once given.
    await dialog.getByRole('button', { name: 'Aanmelding weigeren' }).click();
    const reason = dialog.getByLabel('Reden');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Geen risicofactoren: doorverwezen naar het CAW');
    await dialog.getByRole('button', { name: 'Aanmelding weigeren' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
    expect(after.body.stage).toBe('AFGESLOTEN');
    await context.close();
  });
});
