import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../../api/test/support/sessions';

export interface Credentials {
  email: string;
  password: string;
  /** The TOTP secret of a user enrolled in two-step verification (admin, case director, liaison, DPO). */
  secret?: string;
}

/** A fresh browser context (its own cookies, so its own session) and a page in it. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Signs in through the login page the browser is on (or is sent to): e-mail and password, then
 * the TOTP step when the account has one. The code is that of the next 30-second step, because a
 * code cannot be used twice and the current one may have served enrolment already.
 */
export async function signInOnPage(page: Page, { email, password, secret }: Credentials): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (secret) {
    await page.getByRole('heading', { level: 1, name: 'Verificatie in twee stappen' }).waitFor();
    await page.getByLabel('Code van 6 cijfers').fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Verifiëren' }).click();
  }
  // Signed in: the header shows the account menu.
  await page.getByRole('group', { name: 'Uw account' }).waitFor();
}

/** Opens `path` as an anonymous visitor, signs in on the login page it leads to, and lands back on `path`. */
export async function openAs(page: Page, baseUrl: string, path: string, credentials: Credentials): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await signInOnPage(page, credentials);
  await page.waitForURL(`${baseUrl}${path}`);
}
