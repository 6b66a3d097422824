import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { auth } from '../../api/test/support/sessions';
import { buildWorld, referralBody, type World } from '../../api/test/support/world';
import { seriousViolations } from './support/axe';
import { launchBrowser } from './support/browser';
import { serveApp } from './support/serve-app';
import { freshPage, openAs } from './support/sign-in';

describe('statistics page: hidden cells, the annual report and the record of processing', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof serveApp>>;
  let w: World;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), serveApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' })]);
    w = await buildWorld(app);
    for (let i = 0; i < 6; i++) {
      const r = await app
        .http()
        .post('/api/v1/referrals')
        .set(auth(w.referrer.token))
        .send(referralBody(w.protocolId, { persons: [{ role: 'VICTIM', firstName: `Web${i}`, lastName: 'Stat', gender: 'FEMALE' }] }))
        .expect(201);
      if (i > 0)
        await app
          .http()
          .post(`/api/v1/cases/${r.body.caseId}/transitions`)
          .set(auth(w.director.token))
          .send({ to: 'DOSSIERVORMING', reason: 'accepted' })
          .expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows hidden cells with their explanation and lets the DPO download the reports', async () => {
    const { page, context } = await freshPage(browser);
    await openAs(page, app.baseUrl, '/statistics', w.dpo);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    // 1 case at intake, 5 further: both hidden, each explained.
    const perStage = page.getByRole('table', { name: 'Casussen per stap' });
    await perStage.locator('abbr', { hasText: 'afgeschermd' }).nth(1).waitFor();
    expect(await perStage.locator('abbr', { hasText: 'afgeschermd' }).count()).toBe(2);
    expect(await page.locator('abbr').first().getAttribute('title')).toMatch(/totalen/);
    expect(await seriousViolations(page)).toEqual([]);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV downloaden' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text).toContain('"referrals","TOTAL"');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden in het Frans (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toBe('verwerkingsregister-fr.pdf');
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
});
