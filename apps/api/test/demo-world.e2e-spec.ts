import type { AddressInfo } from 'node:net';
import { buildDemoWorld, DemoError, type DemoWorld } from '../src/cli/demo-world';
import { signIn, auth, type Session } from './support/sessions';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

describe('the demo world (npm run demo)', () => {
  let t: TestApp;
  let baseUrl: string;
  let world: DemoWorld;
  const account = (key: string) => world.accounts.find((a) => a.key === key)!;
  const session = (key: string): Promise<Session> => signIn(t, account(key).email, account(key).password, account(key).totpSecret);

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    world = await buildDemoWorld({ baseUrl, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('creates one account per role, with a TOTP secret where the role needs one', () => {
    const roles = new Set(world.accounts.map((a) => a.role));
    expect([...roles].sort()).toEqual(['admin', 'agency_member', 'case_director', 'dpo', 'prosecutor_liaison', 'referrer']);
    for (const a of world.accounts.filter((x) => ['admin', 'case_director', 'prosecutor_liaison', 'dpo'].includes(x.role)))
      expect(a.totpSecret).toMatch(/^[A-Z2-7]+=*$/);
  });

  it('puts a dozen families at different steps of the chain under an approved protocol', async () => {
    const director = await session('director');
    const cases = await t.http().get('/api/v1/cases?limit=50').set(auth(director.token)).expect(200);
    const stages = cases.body.items.map((c: { stage: string }) => c.stage);
    expect(stages).toHaveLength(12);
    expect(new Set(stages)).toEqual(new Set(['AANMELDING', 'DOSSIERVORMING', 'WEGING', 'CASUSREGIE', 'UITVOERING', 'EVALUATIE', 'AFGESLOTEN']));
    const protocol = await t.http().get(`/api/v1/protocols/${world.protocolId}`).set(auth(director.token)).expect(200);
    expect(protocol.body.status).toBe('APPROVED');
    const conferences = await t.http().get('/api/v1/conferences').set(auth(director.token)).expect(200);
    const at = new Date(conferences.body.items[0].scheduledAt).getTime();
    expect(at).toBeGreaterThan(Date.now());
    expect(at).toBeLessThan(Date.now() + 15 * 86_400_000);
  });

  it('refuses clearly when it is run twice', async () => {
    const admin = account('admin');
    await expect(buildDemoWorld({ baseUrl, adminEmail: admin.email, adminPassword: admin.password, adminSecret: admin.totpSecret })).rejects.toThrow(
      new DemoError('the demo world exists already in this database (agency "FJC Brussel (demo)")'),
    );
  });
});
