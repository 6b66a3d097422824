import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, openAs } from './support/sign-in';

describe('need to know on person fields, in a real browser', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;
  let caseId: string;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
    const http = () => app.http();
    const referral = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = referral.body.caseId;
    await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'Accepted at intake' }).expect(200);
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies.caw }).expect(201);
  });
  afterAll(async () => { await browser?.close(); await app?.close(); });

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
    const fjc = await freshPage(browser);
    await openAs(fjc.page, app.baseUrl, `/cases/${caseId}`, w.director);
    const requests = fjc.page.getByRole('region', { name: 'Vragen om persoonsgegevens' });
    await requests.getByText(/CAW Antwerpen vraagt Contactgegevens van Élise Van den Broeck/).waitFor();
    await requests.getByRole('button', { name: 'Delen' }).click();
    const share = fjc.page.getByRole('dialog', { name: 'Gegevens van Élise Van den Broeck delen' });
    await share.waitFor();
    await share.getByLabel('Motivering').fill('The CAW needs the address for the safety plan visit.');
    await share.getByRole('button', { name: 'Delen', exact: true }).click();
    await share.waitFor({ state: 'detached' });
    await fjc.page.getByText('De gegevens van Élise Van den Broeck werden gedeeld.').waitFor();
    await fjc.context.close();

    await page.reload();
    await victim.getByRole('cell', { name: 'Kerkstraat 1, 2000 Antwerpen' }).waitFor();
    expect(await victim.getByText('Afgeschermd (need to know)').count()).toBe(2);
    await caw.context.close();
  });
});
