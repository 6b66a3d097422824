import type { Browser } from 'playwright-core';
import { auth, userSession } from '../../api/test/support/sessions';
import type { World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { freshPage, openAs } from './support/sign-in';
import { acceptedCase, startWorld, type ServedApp } from './support/world';

// Issue 9 in a real browser: the share dialog explains each legal basis, a liaison approves a
// protocol with a written motivation, and a partner confirms confidentiality before seeing a case.
describe('the law as data, in a real browser', () => {
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
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('explains in the share dialog when each basis applies and why not now, and asks for the danger under necessity', async () => {
    const { context, page } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/cases/${caseId}/contributions`, w.cawMember);
    const own = page.getByRole('region', { name: /CAW Antwerpen — uw organisatie/ });
    await own.getByRole('button', { name: /^Delen/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Een bijdrage delen' });
    await dialog.getByRole('checkbox', { name: 'PZ Antwerpen (Politie)' }).check();

    // Art. 458bis: a report to the prosecutor only, so closed for the police, and it says why.
    const bis = dialog.getByRole('radio', { name: 'Art. 458bis Sw. (spreekrecht)' });
    await bis.waitFor();
    expect(await bis.isDisabled()).toBe(true);
    await dialog.getByText(/Wanneer: een melding aan de procureur des Konings/).waitFor();
    await dialog.getByText('Deze rechtsgrond laat deze ontvangers niet toe.', { exact: false }).first().waitFor();
    await dialog.getByText(/Wanneer: acuut, ernstig gevaar/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The state of necessity asks for the danger, and says the DPO will review it.
    await dialog.getByRole('radio', { name: 'Noodtoestand' }).check();
    const danger = dialog.getByLabel('Het ernstig en dreigend gevaar');
    await danger.fill('He announced he would take the children abroad tonight.');
    await dialog.getByLabel('Motivering', { exact: true }).fill('The police must be able to intervene tonight.');
    await dialog.getByRole('button', { name: 'Delen', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Gedeeld met PZ Antwerpen op grond van „Noodtoestand”/).waitFor();
    await own.getByText(/Gedeeld onder Noodtoestand/).waitFor();
    await context.close();
  });

  it('lets the liaison approve a protocol only with a written motivation', async () => {
    const http = () => app.http();
    const p = await http()
      .post('/api/v1/protocols')
      .set(auth(w.director.token))
      .send({
        title: 'Casusoverleg IFG Mechelen',
        district: 'Antwerpen',
        purpose: 'Case conferences on partner violence in Mechelen',
        agencyIds: [w.agencies.police, w.agencies.caw],
        dataCategories: ['WELFARE_SUPPORT'],
        retentionMonths: 24,
        validFrom: '2026-01-01',
        modalities: {
          inclusionCriteria: ['Kinderen zijn (on)rechtstreeks betrokken'],
          chair: 'Casusregisseur FJC',
          informing: 'Bij de aanmelding',
          languageRegime: 'NL',
          route: 'PROSECUTOR',
        },
      })
      .expect(201);
    await http().post(`/api/v1/protocols/${p.body.id}/submit`).set(auth(w.director.token)).send({}).expect(200);

    const { context, page } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/protocols/${p.body.id}`, w.liaison);
    await page.getByRole('heading', { level: 1, name: 'Casusoverleg IFG Mechelen' }).waitFor();
    await page.getByText('Kinderen zijn (on)rechtstreeks betrokken').waitFor();
    const form = page.getByRole('form', { name: 'Protocol goedkeuren' });
    await form.getByLabel('Referentie van de goedkeuring').fill('PK/2026/458ter/020');
    await form.getByRole('button', { name: 'Goedkeuren' }).click();
    // No motivation: the form refuses before anything is sent.
    await form.getByLabel('Motivering').waitFor();
    expect(await form.getByLabel('Motivering').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Motivering').fill('Doel, deelnemers en modaliteiten voldoen aan art. 458ter; evenredig met het risico.');
    await form.getByRole('button', { name: 'Goedkeuren' }).click();
    // The second step says what approval allows (issue 13), then approves.
    await page.getByRole('dialog').getByRole('button', { name: 'Protocol goedkeuren' }).click();
    await page.getByText('Het protocol is nu: Goedgekeurd.').waitFor();
    await page.getByText('Doel, deelnemers en modaliteiten voldoen aan art. 458ter; evenredig met het risico.').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows a partner only the roles until they confirm the confidentiality statement, then the case', async () => {
    const partner = await userSession(app, w.admin, w.agencies.caw, ['agency_member']);
    const { context, page } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/cases/${caseId}`, partner);
    await page.getByRole('heading', { level: 1, name: `Casus ${reference}` }).waitFor();
    const gate = page.getByRole('region', { name: 'Vertrouwelijkheid' });
    await gate.getByText(/bevestigt u de vertrouwelijkheidsverklaring van het protocol/).waitFor();
    await gate
      .getByText(/art\. 458ter §2/)
      .first()
      .waitFor();
    await page.getByText('Vermoedelijke pleger').waitFor();
    expect(await page.getByText('Janssens').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await gate.getByRole('button', { name: 'Ik bevestig de vertrouwelijkheidsverklaring' }).click();
    await page.getByRole('navigation', { name: 'Onderdelen van de casus' }).waitFor();
    await page
      .getByText(/Janssens/)
      .first()
      .waitFor();
    await context.close();
  });
});
