import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildDemoWorld, type DemoWorld } from '../../api/src/cli/demo-world';
import { TEST_ADMIN } from '../../api/test/support/test-app';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, signInOnPage } from './support/sign-in';

// SCREENSHOTS=1 also saves each role's home under docs/images (the user guide shows them).
const SCREENSHOT_DIR = process.env['SCREENSHOTS'] === '1' ? join(__dirname, '../../../docs/images') : null;

describe("the demo world in a browser: each role's home is its work queue", () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let world: DemoWorld;
  const account = (key: string) => world.accounts.find((a) => a.key === key)!;
  const ref = (key: string) => {
    const r = world.caseReferences[key];
    if (!r) throw new Error(`no demo case ${key}`);
    return r;
  };

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    world = await buildDemoWorld({ baseUrl: app.baseUrl, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
    if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Signs a demo account in on the home page and waits for its work queue. */
  async function home(key: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { page, context } = await freshPage(browser);
    await page.setViewportSize({ width: 1180, height: 820 });
    await page.goto(`${app.baseUrl}/`);
    const a = account(key);
    await signInOnPage(page, { email: a.email, password: a.password, secret: a.totpSecret });
    await page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOT_DIR) await page.screenshot({ path: join(SCREENSHOT_DIR, `home-${key}.png`), fullPage: true });
    return { page, close: () => context.close() };
  }
  const group = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

  it("logs the case director into the demo world: referrals to accept, cases ready, next week's conference, overdue actions", async () => {
    const { page, close } = await home('director');
    const referrals = group(page, 'Aanmeldingen te aanvaarden');
    for (const key of ['elsene', 'anderlecht', 'schaerbeek']) await referrals.getByRole('link', { name: ref(key) }).waitFor();
    await group(page, 'Klaar voor de volgende stap')
      .getByRole('link', { name: ref('jette') })
      .waitFor();
    await group(page, 'Casusoverleg binnenkort')
      .getByRole('link', { name: /Casusoverleg van/ })
      .waitFor();
    await group(page, 'Acties over datum').getByText('over datum').first().waitFor();
    await referrals.getByRole('link', { name: ref('elsene') }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(ref('elsene')) }).waitFor();
    await close();
  });

  it('shows a partner the contribution asked and the conference to acknowledge, linking to where it is done', async () => {
    const { page, close } = await home('caw');
    await group(page, 'Gevraagde inbreng')
      .getByRole('link', { name: ref('molenbeek') })
      .click();
    await page.waitForURL(/\/cases\/[0-9a-f-]+\/contributions$/);
    await page.goBack();
    await group(page, 'Casusoverleg te bevestigen').getByRole('link').first().click();
    await page.waitForURL(`${app.baseUrl}/conferences/${world.conferenceId}`);
    await close();
  });

  it('shows a referrer their referrals and their outcome', async () => {
    const { page, close } = await home('referrer');
    const own = group(page, 'Uw aanmeldingen');
    await own.getByRole('link', { name: ref('oudergem') }).waitFor();
    expect(await own.getByRole('listitem').count()).toBe(12);
    await close();
  });

  it('shows the liaison the protocol to approve', async () => {
    const { page, close } = await home('liaison');
    await group(page, 'Protocollen ter goedkeuring').getByRole('link', { name: 'Protocol kindreflex Brussel' }).click();
    await page.getByRole('heading', { level: 1, name: /Protocol kindreflex Brussel/ }).waitFor();
    await close();
  });

  it('shows the DPO and the administrator their queues', async () => {
    const dpo = await home('dpo');
    await dpo.close();
    const { page, close } = await home('admin');
    const accounts = group(page, 'Accounts zonder verificatie in twee stappen');
    await accounts.getByRole('link', { name: 'Amira El Amrani' }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]+$/);
    await close();
  });
});
