import type { Browser, Page } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, openAs } from './support/sign-in';

describe('self-service and confirmations in a real browser', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
    await app.http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The login page in Dutch (a fresh browser knows no account yet); no TOTP for a partner. */
  async function signInDutch(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }

  it('logs no console error on an anonymous load (no refresh attempt without a session)', async () => {
    const { page, context } = await freshPage(browser);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const refreshes: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/auth/refresh')) refreshes.push(r.url());
    });
    await page.goto(`${app.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(refreshes).toEqual([]);
    await context.close();
  });

  it('keeps the language chosen in the header across a reload and in a new browser', async () => {
    const { page, context } = await freshPage(browser);
    await signInDutch(page, w.cawMember.email, w.cawMember.password);
    await page.getByRole('heading', { level: 2, name: 'Wat op u wacht' }).waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH' && r.ok());
    await page.getByLabel('Taal', { exact: true }).selectOption('fr');
    await saved;
    await page.getByRole('heading', { level: 2, name: 'Ce qui vous attend' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Ce qui vous attend' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await context.close();

    // Another device: nothing stored in the browser, the account carries the language.
    const other = await freshPage(browser);
    await signInDutch(other.page, w.cawMember.email, w.cawMember.password);
    await other.page.getByRole('heading', { level: 2, name: 'Ce qui vous attend' }).waitFor();
    await other.context.close();
  });

  it('stores the language and changes the password from the profile', async () => {
    const { page, context } = await freshPage(browser);
    await signInDutch(page, w.policeMember.email, w.policeMember.password);
    await page.getByRole('group', { name: 'Uw account' }).getByRole('link', { name: 'Profiel' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wachtwoord wijzigen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Huidig wachtwoord').fill('not my password');
    await page.getByLabel('Nieuw wachtwoord').fill('a-new-password-that-is-long');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('a-new-password-that-is-long');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('currentPassword is not your current password').waitFor();

    await page.getByLabel('Huidig wachtwoord').fill(w.policeMember.password);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await context.close();
    await app.http().post('/api/v1/auth/login').send({ email: w.policeMember.email, password: 'a-new-password-that-is-long' }).expect(200);
  });

  it('asks for confirmation, with the open cases it stops, before suspending a protocol', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/protocols/${w.protocolId}`, w.liaison);
    const form = page.getByRole('form', { name: 'Protocol schorsen' });
    await form.getByLabel('Reden').fill('The district reorganises its police zones; the protocol is renegotiated.');
    await form.getByRole('button', { name: 'Schorsen' }).click();

    const dialog = page.getByRole('dialog', { name: /schorsen\?$/ });
    await dialog.getByText('1 open casus onder dit protocol kan niets meer delen').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'detached' });
    const still = await app.http().get(`/api/v1/protocols/${w.protocolId}`).set(auth(w.director.token)).expect(200);
    expect(still.body.status).toBe('APPROVED');

    await form.getByRole('button', { name: 'Schorsen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Protocol schorsen' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText('Geschorst').first().waitFor();
    const after = await app.http().get(`/api/v1/protocols/${w.protocolId}`).set(auth(w.director.token)).expect(200);
    expect(after.body.status).toBe('SUSPENDED');
    await context.close();
  });

  it('asks for confirmation before an administrator resets two-step verification', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, `/admin/users/${w.director.id}`, w.admin);
    await page.getByRole('button', { name: 'Verificatie in twee stappen opnieuw instellen' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Opnieuw instellen' }).click();
    await page.getByText(/stelt verificatie in twee stappen opnieuw in bij de volgende aanmelding/).waitFor();
    const login = await app.http().post('/api/v1/auth/login').send({ email: w.director.email, password: w.director.password }).expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    await context.close();
  });
});
