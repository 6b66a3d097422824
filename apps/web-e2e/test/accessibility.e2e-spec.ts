import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, openAs } from './support/sign-in';

describe('accessibility (axe-core, WCAG 2.1 AA) of the main screens', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;
  let caseId: string;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
    const r = await app.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
    caseId = r.body.caseId;
    await app.http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'accepted' }).expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('has no serious violations on the login page', async () => {
    const { page, context } = await freshPage(browser);
    await page.goto(`${app.baseUrl}/login`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has no serious violations on the referral form', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/refer', w.referrer);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has no serious violations on the dashboard and the case page', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/cases', w.director);
    await page
      .getByRole('link', { name: /CO-\d{4}-\d{5}/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: /CO-\d{4}-\d{5}/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has no serious violations on the log review and the statistics', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/logs/sharing', w.liaison);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/statistics`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('has no serious violations on the administration screens', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/admin/users', w.admin);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
