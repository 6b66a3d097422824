import type { Browser } from 'playwright-core';
import { adminSession, createAgency, createUser, signIn, type Session } from '../../api/test/support/sessions';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, signInOnPage } from './support/sign-in';

describe('signing in in a real browser', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let admin: Session;
  let director: Session & { displayName: string };

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    admin = await adminSession(app);
    const agency = await createAgency(app, admin, { name: 'FJC Antwerpen', type: 'FAMILY_JUSTICE_CENTRE', district: 'Antwerpen' });
    const user = await createUser(app, admin, agency.id, ['case_director']);
    // Signing in through the API enrols TOTP (the role requires it) and hands back the secret.
    const session = await signIn(app, user.email, user.password);
    const me = await app.http().get('/api/v1/me').set('Authorization', `Bearer ${session.token}`).expect(200);
    director = { ...session, displayName: me.body.displayName };
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lets a case director sign in with password and TOTP code and reach the home page', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(`${app.baseUrl}/login`);
    await signInOnPage(page, { email: director.email, password: director.password, secret: director.secret });

    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: `Welkom, ${director.displayName}` }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Casussen' }).waitFor();
    await nav.getByRole('link', { name: 'Protocollen' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Beheer' }).count()).toBe(0);
    await context.close();
  });

  it('shows an administrator who opens /cases the not-allowed page', async () => {
    const { context, page } = await freshPage(browser);
    await page.goto(`${app.baseUrl}/cases`);
    await signInOnPage(page, { email: admin.email, password: admin.password, secret: admin.secret });

    // Back on the page asked for, which the ability forbids.
    await page.waitForURL(`${app.baseUrl}/cases`);
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.getByText('Uw account geeft geen toegang tot deze pagina.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Casussen' }).count()).toBe(0);
    await context.close();
  });
});
