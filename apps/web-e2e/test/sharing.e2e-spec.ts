import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import type { World } from '../../api/test/support/world';
import { freshPage, openAs, signInOnPage } from './support/sign-in';
import { acceptedCase, startWorld, type ServedApp } from './support/world';

describe('sharing a contribution under consent, and reviewing the sharing log, in a real browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let w: World;
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    ({ browser, app, w } = await startWorld());
    const http = () => app.http();
    ({ caseId, reference } = await acceptedCase(app, w, ['caw']));
    await http()
      .post(`/api/v1/cases/${caseId}/contributions`)
      .set(auth(w.cawMember.token))
      .send({ category: 'WELFARE_SUPPORT', content: 'Shelter requested twice in 2025.' })
      .expect(201);
    const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.cawMember.token)).expect(200);
    const victim = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM');
    await http()
      .post(`/api/v1/cases/${caseId}/consents`)
      .set(auth(w.cawMember.token))
      .send({
        personId: victim.id,
        status: 'GIVEN',
        method: 'WRITTEN',
        scope: { agencyIds: [w.agencies.police], dataCategories: ['WELFARE_SUPPORT'] },
        evidence: 'signed form 2026-11-21',
      })
      .expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets the CAW member share with consent, and the prosecutor liaison find and verify the log entry', async () => {
    // The CAW partner opens the case's contributions; signing in brings them back there.
    const caw = await freshPage(browser);
    const page = caw.page;
    await openAs(page, app.baseUrl, `/cases/${caseId}/contributions`, w.cawMember);
    await page.getByRole('heading', { level: 1, name: `Casus ${reference}` }).waitFor();
    const own = page.getByRole('region', { name: /CAW Antwerpen — uw organisatie/ });
    await own.getByText('Shelter requested twice in 2025.').waitFor();
    await own.getByText('Nog niet gedeeld.').waitFor();

    await own.getByRole('button', { name: /^Delen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Een bijdrage delen' });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'PZ Antwerpen (Politie)' }).check();

    // The legal bases open for the police: consent (choose it below) and the others (with a justification).
    const consentBasis = dialog.getByRole('radio', { name: 'Toestemming van de persoon' });
    await consentBasis.waitFor();
    expect(await consentBasis.isDisabled()).toBe(false);
    await consentBasis.check();
    const consent = dialog.getByLabel('Toestemming', { exact: true });
    await consent.waitFor();
    await consent.selectOption({ index: 1 });
    await dialog.getByText('De gekozen toestemming dekt deze deling.').waitFor();

    await dialog.getByRole('button', { name: 'Delen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Gedeeld met PZ Antwerpen op grond van „Toestemming van de persoon” (deellogboek, regel 1).').waitFor();
    await own.getByText('Gedeeld met: PZ Antwerpen').waitFor();
    await caw.context.close();

    // The prosecutor liaison of the district reviews the sharing log.
    const liaison = await freshPage(browser);
    const review = liaison.page;
    await review.goto(`${app.baseUrl}/`);
    await signInOnPage(review, w.liaison);
    await review.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Logboeken' }).click();
    await review.getByRole('heading', { level: 1, name: 'Deellogboek' }).waitFor();
    const entry = review.getByRole('row').filter({ has: review.getByRole('rowheader', { name: '1', exact: true }) });
    await entry.waitFor();
    await entry.getByRole('cell', { name: 'CAW Antwerpen' }).waitFor();
    await entry.getByRole('cell', { name: 'PZ Antwerpen' }).waitFor();
    await entry.getByRole('cell', { name: 'Toestemming van de persoon' }).waitFor();
    await entry.getByRole('cell', { name: 'Welzijnshulpverlening' }).waitFor();

    await review.getByRole('button', { name: 'Keten verifiëren' }).click();
    await review.getByText('Het deellogboek is intact: 1 regel geverifieerd.').waitFor();

    const [download] = await Promise.all([review.waitForEvent('download'), review.getByRole('button', { name: 'Exporteren (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^schakel-sharing-log-\d{4}-\d{2}-\d{2}\.json$/);
    await liaison.context.close();
  });
});
