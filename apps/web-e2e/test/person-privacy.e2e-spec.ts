import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import type { World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { freshPage, openAs } from './support/sign-in';
import { acceptedCase, startWorld, type ServedApp } from './support/world';

describe('need to know on person fields, in a real browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let w: World;
  let caseId: string;
  // The case director signs in once for the whole file: a one-time code cannot serve two sign-ins.
  let fjc: { context: BrowserContext; page: Page } | undefined;
  async function directorOn(path: string): Promise<Page> {
    if (!fjc) {
      fjc = await freshPage(browser);
      await openAs(fjc.page, app.baseUrl, path, w.director);
    } else await fjc.page.goto(`${app.baseUrl}${path}`);
    return fjc.page;
  }

  beforeAll(async () => {
    ({ browser, app, w } = await startWorld());
    ({ caseId } = await acceptedCase(app, w, ['caw']));
  });
  afterAll(async () => {
    await fjc?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('shows a partner what is withheld and why, lets it request the details through the share dialog, and the holder share them', async () => {
    const caw = await freshPage(browser);
    const page = caw.page;
    await openAs(page, app.baseUrl, `/cases/${caseId}`, w.cawMember);
    const victim = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Élise Van den Broeck/ }) });
    await victim.waitFor();
    await victim.getByRole('cell', { name: '1991' }).waitFor();
    expect(await victim.getByText('Afgeschermd (need to know)').count()).toBe(5);
    expect(await page.getByText('Kerkstraat 1, 2000 Antwerpen').count()).toBe(0);

    await victim.getByRole('button', { name: 'Gegevens van Élise opvragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gegevens van Élise Van den Broeck opvragen' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { name: /Contactgegevens/ }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: /Identificatie/ }).uncheck();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Waarom uw organisatie ze nodig heeft').fill('We plan a home visit for the safety plan.');
    await dialog.getByRole('button', { name: 'Vraag versturen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Uw vraag om de gegevens van Élise Van den Broeck werd verstuurd.').waitFor();

    // The case director's agency holds the file: it sees the request and shares under a legal basis.
    const director = await directorOn(`/cases/${caseId}`);
    const requests = director.getByRole('region', { name: 'Vragen om persoonsgegevens' });
    await requests.getByText(/CAW Antwerpen vraagt Contactgegevens van Élise Van den Broeck/).waitFor();
    await requests.getByRole('button', { name: 'Delen' }).click();
    const share = director.getByRole('dialog', { name: 'Gegevens van Élise Van den Broeck delen' });
    await share.waitFor();
    await share.getByLabel('Motivering').fill('The CAW needs the address for the safety plan visit.');
    await share.getByRole('button', { name: 'Delen', exact: true }).click();
    await share.waitFor({ state: 'detached' });
    await director.getByText('De gegevens van Élise Van den Broeck werden gedeeld.').waitFor();

    await page.reload();
    await victim.getByRole('cell', { name: 'Kerkstraat 1, 2000 Antwerpen' }).waitFor();
    expect(await victim.getByText('Afgeschermd (need to know)').count()).toBe(2);
    await caw.context.close();
  });

  it('lets the case director add a child found after the referral, with a relationship; a partner sees the child but not its identity', async () => {
    const page = await directorOn(`/cases/${caseId}`);
    const persons = page.getByRole('region', { name: 'Personen' });
    await persons.getByRole('button', { name: 'Persoon toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Persoon toevoegen' });
    await dialog.getByLabel('Rol').selectOption({ label: 'Kind' });
    await dialog.getByLabel('Voornaam').fill('Wout');
    await dialog.getByLabel('Achternaam').fill('Janssens');
    await dialog.getByLabel('Geboortedatum').fill('2023-02-17');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Wout Janssens werd toegevoegd.').waitFor();
    const child = persons.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Wout Janssens/ }) });
    await child.getByRole('cell', { name: 'Kind', exact: true }).waitFor();
    await child.getByRole('cell', { name: '2023', exact: true }).waitFor();
    await child.getByRole('cell', { name: '17 feb 2023' }).waitFor();

    // Élise is Wout's mother: the relationship shows on both rows.
    await persons.getByRole('button', { name: 'Relatie toevoegen' }).click();
    const relate = page.getByRole('dialog', { name: 'Relatie toevoegen' });
    await relate.getByLabel('Persoon', { exact: true }).selectOption({ label: 'Élise Van den Broeck (Slachtoffer)' });
    await relate.getByLabel('Is de … van').selectOption({ label: 'Ouder' });
    await relate.getByLabel('Van persoon').selectOption({ label: 'Wout Janssens (Kind)' });
    await relate.getByLabel('Geweld tussen hen').selectOption({ label: 'geen' });
    await relate.getByRole('button', { name: 'Relatie toevoegen' }).click();
    await relate.waitFor({ state: 'detached' });
    await page.getByText('De relatie werd vastgelegd.').waitFor();
    await child.getByText('Ouder ← Élise Van den Broeck (geen)').waitFor();

    // The timeline says a person was added and a relationship recorded.
    await page.goto(`${app.baseUrl}/cases/${caseId}/timeline`);
    const timeline = page.getByRole('region', { name: 'Tijdlijn' });
    await timeline.getByText('Persoon toegevoegd').waitFor();
    await timeline.getByText('Relatie vastgelegd').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The CAW works in the case without the identification compartment: the child, not its identity.
    const caw = await freshPage(browser);
    await openAs(caw.page, app.baseUrl, `/cases/${caseId}`, w.cawMember);
    const row = caw.page.getByRole('row').filter({ has: caw.page.getByRole('rowheader', { name: /Wout Janssens/ }) });
    await row.getByRole('cell', { name: 'Kind', exact: true }).waitFor();
    await row.getByRole('cell', { name: '2023', exact: true }).waitFor();
    expect(await row.getByText('Afgeschermd (need to know)').count()).toBeGreaterThanOrEqual(2);
    expect(await caw.page.getByText('17 feb 2023').count()).toBe(0);
    const seen = await app.http().get(`/api/v1/cases/${caseId}`).set(auth(w.cawMember.token)).expect(200);
    const wout = seen.body.persons.find((p: { firstName: string }) => p.firstName === 'Wout');
    expect(wout).toMatchObject({ role: 'CHILD', birthYear: 2023 });
    expect([wout.birthDate ?? null, wout.nationalNumber ?? null]).toEqual([null, null]);
    expect(wout.withheld).toEqual(expect.arrayContaining(['birthDate', 'nationalNumber']));
    await caw.context.close();
  });
});
