import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, signInOnPage } from './support/sign-in';

/** A day shortly before today, as an <input type="date"> takes it. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('a police referral filed in a real browser', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
    // An earlier referral of the same victim, so the new one is a repeat referral.
    await app.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is filed through the form and appears on the case director’s dashboard', async () => {
    const referrer = await freshPage(browser);
    const page = referrer.page;
    await page.goto(`${app.baseUrl}/`);
    await signInOnPage(page, w.referrer);
    await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Een gezin aanmelden' }).waitFor();

    // The one protocol in force is chosen already.
    const protocol = page.getByLabel('Protocol', { exact: true });
    await page.waitForFunction(() => {
      const select = [...document.querySelectorAll('select')].find((s) => s.name === 'protocolId');
      return Boolean(select?.value);
    });
    expect(await protocol.inputValue()).toBe(w.protocolId);

    // Validated as you type: a message once the field is left, gone once it is right.
    const summary = page.getByLabel('Wat er gebeurde en waarom casusoverleg nodig is');
    await summary.fill('Te kort');
    await summary.press('Tab');
    await page.getByText('Gebruik minstens 10 tekens.').waitFor();
    expect(await summary.getAttribute('aria-invalid')).toBe('true');
    await summary.fill('Zware partnergeweld gisteravond; het slachtoffer werd gewurgd, twee jonge kinderen waren aanwezig.');
    await page.getByText('Gebruik minstens 10 tekens.').waitFor({ state: 'detached' });

    await page.getByLabel('Datum van het incident').fill(daysAgo(1));
    await page.getByRole('checkbox', { name: 'Fysiek' }).check();
    await page.getByRole('checkbox', { name: 'Psychisch' }).check();
    await page.getByLabel('Pv-nummer').fill('AN.12.L1.765432/2026');

    const first = page.getByRole('group', { name: 'Persoon 1' });
    expect(await first.getByLabel('Rol').inputValue()).toBe('VICTIM');
    await first.getByLabel('Voornaam').fill('Élise');
    await first.getByLabel('Achternaam').fill('Van den Broeck');
    await first.getByLabel('Geboortedatum').fill('1991-03-14');
    await first.getByLabel('Rijksregisternummer').fill('91.03.14-123.31');

    // A second person, added with the keyboard: the focus lands in the new row.
    await page.getByRole('button', { name: 'Persoon toevoegen' }).press('Enter');
    const second = page.getByRole('group', { name: 'Persoon 2' });
    await second.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'persons.1.role');
    await second.getByLabel('Rol').selectOption('ALLEGED_PERPETRATOR');
    await second.getByLabel('Voornaam').fill('Marc');
    await second.getByLabel('Achternaam').fill('Janssens');

    await page.getByRole('checkbox', { name: 'Wurging, verstikking en verdrinking' }).check();
    await page.getByRole('checkbox', { name: 'Aanwezigheid van kinderen' }).check();
    await page.getByRole('checkbox', { name: 'De personen werden geïnformeerd over deze aanmelding' }).check();

    await page.getByRole('button', { name: 'Aanmelding indienen' }).click();
    const done = page.getByText(/De aanmelding werd ingediend onder referentie (CO-\d{4}-\d{5,})\./);
    await done.waitFor();
    const reference = /CO-\d{4}-\d{5,}/.exec((await done.textContent()) ?? '')![0];
    // A neutral notice, nothing about the earlier case.
    await page.getByText('Deze persoon werd de voorbije 12 maanden al eens aangemeld.').waitFor();
    await page.getByRole('link', { name: `Casus ${reference} openen` }).waitFor();
    await referrer.context.close();

    const director = await freshPage(browser);
    await director.page.goto(`${app.baseUrl}/cases`);
    await signInOnPage(director.page, w.director);
    await director.page.waitForURL(`${app.baseUrl}/cases`);
    await director.page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    const intake = director.page.getByRole('region', { name: /^Aanmelding \(\d+\)$/ });
    const row = intake.getByRole('row').filter({ has: director.page.getByRole('link', { name: reference }) });
    await row.waitFor();
    await row.getByText('Herhaalde aanmelding').waitFor();
    await row.getByText('2 rode vlaggen').waitFor();

    await row.getByRole('link', { name: reference }).click();
    await director.page.getByRole('heading', { level: 1, name: `Casus ${reference}` }).waitFor();
    const current = director.page.locator('[aria-current="step"]');
    expect(await current.textContent()).toContain('Aanmelding');
    await director.page
      .getByRole('cell', { name: 'Élise Van den Broeck' })
      .or(director.page.getByRole('rowheader', { name: 'Élise Van den Broeck' }))
      .waitFor();
    await director.context.close();
  });
});
