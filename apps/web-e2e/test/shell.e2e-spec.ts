import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';

describe('the SPA shell in a real browser', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is served by the API at /, sends an anonymous visitor to the login page, with landmarks, a skip link and a language switch', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(`${app.baseUrl}/login`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByRole('banner').waitFor();
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBeGreaterThan(0);
    expect(await page.locator('a.skip-link').getAttribute('href')).toBe('#main');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    await page.getByLabel('Taal').selectOption('fr');
    await page.getByText('Langue').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.close();
  });

  it('falls back to index.html for client-side routes', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${app.baseUrl}/some/deep/link`);
    expect(res?.status()).toBe(200);
    await page.getByRole('banner').waitFor();
    await page.waitForURL(`${app.baseUrl}/login`);
    await page.close();
  });
});
