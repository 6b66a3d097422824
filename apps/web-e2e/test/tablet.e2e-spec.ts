import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildDemoWorld, type DemoWorld } from '../../api/src/cli/demo-world';
import { TEST_ADMIN } from '../../api/test/support/test-app';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, signInOnPage } from './support/sign-in';

// SCREENSHOTS=1 also saves the case director's home on a portrait tablet under docs/images (the user
// guide shows it); SCREENSHOT_DIR=<dir> saves every screen at every size there (to review the looks).
const DOCS_IMAGES = process.env['SCREENSHOTS'] === '1' ? join(__dirname, '../../../docs/images') : null;
const REVIEW_DIR = process.env['SCREENSHOT_DIR'] ?? null;

/** A tablet in a police car, held either way. */
const VIEWPORTS = [
  { name: 'portrait', width: 768, height: 1024 },
  { name: 'landscape', width: 1024, height: 768 },
] as const;

/**
 * The elements that stick out of the viewport on the right, unless a scrolling container (a wide
 * table's wrapper) holds them. Empty when the page body has no horizontal overflow.
 */
async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let p = el?.parentElement ?? null; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !scrolls(el)) {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        culprits.push(`${el.tagName.toLowerCase()}${cls} (right ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth), clientWidth: width, culprits: culprits.slice(0, 8) };
  });
}

describe('on a tablet (768×1024 and 1024×768): the main screens fit the width and stay accessible', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let world: DemoWorld;
  const account = (key: string) => world.accounts.find((a) => a.key === key)!;
  const ref = (key: string) => world.caseReferences[key] ?? key;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    world = await buildDemoWorld({ baseUrl: app.baseUrl, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
    if (DOCS_IMAGES) mkdirSync(DOCS_IMAGES, { recursive: true });
    if (REVIEW_DIR) mkdirSync(REVIEW_DIR, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(key: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const { page, context } = await freshPage(browser);
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(`${app.baseUrl}/`);
    const a = account(key);
    await signInOnPage(page, { email: a.email, password: a.password, secret: a.totpSecret });
    return { page, close: () => context.close() };
  }

  /** What is wrong on the screens checked so far; each test asserts it is empty at its end (so one run names them all). */
  let problems: object[] = [];
  beforeEach(() => {
    problems = [];
  });

  /** Checks the screen the page shows at each tablet size (and at a desktop width, for the review screenshots). */
  async function checkScreen(page: Page, name: string, dialog = false): Promise<void> {
    if (!dialog) await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const sizes = REVIEW_DIR ? [...VIEWPORTS, { name: 'desktop', width: 1280, height: 900 }] : VIEWPORTS;
    for (const v of sizes) {
      await page.setViewportSize({ width: v.width, height: v.height });
      if (REVIEW_DIR) await page.screenshot({ path: join(REVIEW_DIR, `${name}-${v.name}.png`), fullPage: true });
      const overflow = await horizontalOverflow(page);
      if (overflow.scrollWidth > overflow.clientWidth || overflow.culprits.length) problems.push({ screen: name, viewport: v.name, ...overflow });
      const violations = await seriousViolations(page);
      if (violations.length) problems.push({ screen: name, viewport: v.name, violations });
    }
    await page.setViewportSize(VIEWPORTS[0]);
  }

  async function visit(page: Page, path: string, name: string): Promise<void> {
    await page.goto(`${app.baseUrl}${path}`);
    await checkScreen(page, name);
  }

  it("the case director's screens: home, case list, a case and its tabs, conferences, referral form, protocols, logs, statistics", async () => {
    const { page, close } = await signIn('director');
    await page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    await checkScreen(page, 'home-director');
    if (DOCS_IMAGES) {
      await page.setViewportSize(VIEWPORTS[0]);
      await page.screenshot({ path: join(DOCS_IMAGES, 'tablet-home-director.png'), fullPage: true });
    }

    // The primary navigation is reachable and its targets are large enough for a finger.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const heights = await nav.getByRole('link').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().height)));
    if (heights.some((h) => h < 44)) problems.push({ screen: 'nav', heights });

    await visit(page, '/cases', 'cases');
    await page.getByRole('link', { name: ref('vorst'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(ref('vorst')) }).waitFor();
    await checkScreen(page, 'case-overview');
    // A dialog fits the screen too: adding a person to the case.
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByRole('dialog', { name: 'Persoon toevoegen' }).getByLabel('Voornaam').waitFor();
    await checkScreen(page, 'case-person-dialog', true);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const caseUrl = page.url();
    for (const tab of ['contributions', 'consents', 'risk', 'actions', 'timeline']) await visit(page, new URL(`${caseUrl}/${tab}`).pathname, `case-${tab}`);

    await visit(page, '/conferences', 'conferences');
    await visit(page, `/conferences/${world.conferenceId}`, 'conference');
    await visit(page, '/conferences/new', 'conference-new');
    await visit(page, '/refer', 'refer');
    await visit(page, '/protocols', 'protocols');
    await visit(page, `/protocols/${world.protocolId}`, 'protocol');
    await visit(page, '/logs/sharing', 'logs-sharing');
    await visit(page, '/statistics', 'statistics');
    await visit(page, '/notifications', 'notifications');
    await visit(page, '/profile', 'profile');
    await close();
    expect(problems).toEqual([]);
  }, 300_000);

  it("a partner's home and a case they work in", async () => {
    const { page, close } = await signIn('caw');
    await page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    await checkScreen(page, 'home-caw');
    await visit(page, '/cases', 'cases-caw');
    await page.getByRole('link', { name: ref('molenbeek'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(ref('molenbeek')) }).waitFor();
    await checkScreen(page, 'case-overview-caw');
    await close();
    expect(problems).toEqual([]);
  }, 120_000);

  it("the administrator's and the DPO's screens", async () => {
    const admin = await signIn('admin');
    await admin.page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    await checkScreen(admin.page, 'home-admin');
    await visit(admin.page, '/admin/users', 'admin-users');
    await visit(admin.page, '/admin/agencies', 'admin-agencies');
    await admin.close();
    const dpo = await signIn('dpo');
    await dpo.page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    await checkScreen(dpo.page, 'home-dpo');
    await visit(dpo.page, '/logs/access', 'logs-access');
    await dpo.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
