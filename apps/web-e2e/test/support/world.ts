import type { Browser } from 'playwright-core';
import { auth } from '../../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../../api/test/support/world';
import { launchBrowser } from './browser';
import { serveApp } from './serve-app';

export type ServedApp = Awaited<ReturnType<typeof serveApp>>;

/**
 * What most browser tests start from: chromium, the API serving the built SPA (sign-ins not rate
 * limited), and the Antwerp district of the API tests (agencies, one user per role, an approved protocol).
 */
export async function startWorld(overrides: Record<string, string> = {}): Promise<{ browser: Browser; app: ServedApp; w: World }> {
  const [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...overrides })]);
  return { browser, app, w: await buildWorld(app) };
}

/**
 * A family referred by the police (the referral of `referralBody`: a victim, an alleged perpetrator
 * and a child), accepted by the case director into DOSSIERVORMING, with `invite` as partners.
 */
export async function acceptedCase(app: ServedApp, w: World, invite: (keyof World['agencies'])[] = ['caw']): Promise<{ caseId: string; reference: string }> {
  const http = () => app.http();
  const referral = await http().post('/api/v1/referrals').set(auth(w.referrer.token)).send(referralBody(w.protocolId)).expect(201);
  const { caseId, reference } = referral.body as { caseId: string; reference: string };
  await http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to: 'DOSSIERVORMING', reason: 'Accepted at intake' }).expect(200);
  for (const agency of invite)
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId: w.agencies[agency] }).expect(201);
  return { caseId, reference };
}
