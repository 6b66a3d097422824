import type { AddressInfo } from 'node:net';
import { buildDemoWorld, type DemoWorld } from '../src/cli/demo-world';
import { auth, createAgency, signIn, userSession, type Session } from './support/sessions';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

interface Item {
  type: string;
  link: string;
  caseReference?: string;
  caseId?: string;
  nextStage?: string;
  overdue?: boolean;
  outcome?: string;
  missing?: { acknowledgements: number; contributions: number };
  ageHours?: number;
  title?: string;
}

describe("GET /me/work-queue: each role's home, on the demo world", () => {
  let t: TestApp;
  let world: DemoWorld;
  const sessions: Record<string, Session> = {};
  const session = (key: string) => {
    const s = sessions[key];
    if (!s) throw new Error(`no session for ${key}`);
    return s;
  };
  const account = (key: string) => world.accounts.find((a) => a.key === key)!;
  const queue = async (key: string): Promise<Item[]> =>
    (
      await t
        .http()
        .get('/api/v1/me/work-queue')
        .set(auth(session(key).token))
        .expect(200)
    ).body.items;
  const ofType = (items: Item[], type: string) => items.filter((i) => i.type === type);
  const ref = (key: string) => {
    const r = world.caseReferences[key];
    if (!r) throw new Error(`no demo case ${key}`);
    return r;
  };

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await t.app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    world = await buildDemoWorld({ baseUrl, adminEmail: TEST_ADMIN.email, adminPassword: TEST_ADMIN.password });
    for (const key of ['admin', 'director', 'referrer', 'caw', 'police', 'liaison', 'dpo']) {
      const a = account(key);
      sessions[key] = await signIn(t, a.email, a.password, a.totpSecret);
    }
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers 401 without a token', async () => {
    await t.http().get('/api/v1/me/work-queue').expect(401);
  });

  it('shows the case director the referrals to accept with their triage age, each linking to the case', async () => {
    const items = ofType(await queue('director'), 'REFERRAL_TO_ACCEPT');
    expect(items.map((i) => i.caseReference).sort()).toEqual([ref('elsene'), ref('anderlecht'), ref('schaerbeek')].sort());
    for (const i of items) {
      expect(i.link).toBe(`/cases/${i.caseId}`);
      expect(i.ageHours).toBeGreaterThanOrEqual(0);
    }
  });

  it('shows the case director the cases whose guards are met, with the next step', async () => {
    const ready = ofType(await queue('director'), 'CASE_READY_FOR_NEXT_STEP');
    const next = Object.fromEntries(ready.map((i) => [i.caseReference, i.nextStage]));
    expect(next[ref('jette')]).toBe('WEGING');
    expect(next[ref('laken')]).toBe('CASUSREGIE');
    expect(next[ref('evere')]).toBe('EVALUATIE');
    // Still collecting, still weighing without a decision, execution with nothing due: not ready.
    for (const key of ['molenbeek', 'etterbeek', 'vorst']) expect(next[ref(key)]).toBeUndefined();
  });

  it("shows the case director next week's conference with what is missing, and the overdue actions", async () => {
    const items = await queue('director');
    const [conference] = ofType(items, 'CONFERENCE_UPCOMING');
    if (!conference) throw new Error('no CONFERENCE_UPCOMING item');
    expect(conference.link).toBe(`/conferences/${world.conferenceId}`);
    expect(conference.missing).toEqual({ acknowledgements: expect.any(Number), contributions: 1 });
    expect(conference.missing!.acknowledgements).toBeGreaterThanOrEqual(2);
    const overdue = ofType(items, 'ACTION_OVERDUE');
    expect(overdue.map((i) => i.caseReference)).toEqual([ref('evere'), ref('evere')]);
    expect(overdue[0]!.link).toBe(`/cases/${overdue[0]!.caseId}/actions`);
  });

  it('shows a partner the contributions asked, the actions due and the conference to acknowledge', async () => {
    const items = await queue('caw');
    expect(ofType(items, 'CONTRIBUTION_ASKED').map((i) => i.caseReference)).toEqual([ref('molenbeek')]);
    const due = ofType(items, 'ACTION_DUE');
    expect(due.map((i) => i.caseReference).sort()).toEqual([ref('evere'), ref('vorst')].sort());
    expect(due.find((i) => i.caseReference === ref('evere'))!.overdue).toBe(true);
    expect(ofType(items, 'CONFERENCE_TO_ACKNOWLEDGE').map((i) => i.link)).toEqual([`/conferences/${world.conferenceId}`]);
    // The police acknowledged already.
    expect(ofType(await queue('police'), 'CONFERENCE_TO_ACKNOWLEDGE')).toEqual([]);
  });

  it('shows a referrer their own referrals and their outcome', async () => {
    const items = ofType(await queue('referrer'), 'OWN_REFERRAL');
    expect(items).toHaveLength(12);
    expect(items.find((i) => i.caseReference === ref('oudergem'))!.outcome).toBe('DECLINED');
  });

  it('shows the liaison the protocol to approve and the one expiring', async () => {
    const items = await queue('liaison');
    expect(ofType(items, 'PROTOCOL_TO_APPROVE').map((i) => i.title)).toEqual(['Protocol kindreflex Brussel']);
    expect(ofType(items, 'PROTOCOL_EXPIRING').map((i) => i.link)).toEqual([`/protocols/${world.protocolId}`]);
  });

  it('shows the administrator accounts without two-factor and nothing of the cases', async () => {
    const items = await queue('admin');
    const withoutMfa = ofType(items, 'ACCOUNT_WITHOUT_MFA');
    expect(withoutMfa.map((i) => i.link)).toContain(`/admin/users/${session('caw').id}`);
    expect(items.every((i) => i.type.startsWith('ACCOUNT_'))).toBe(true);
  });

  it('scopes every item: a director of another district sees none of these', async () => {
    const admin = session('admin');
    const agency = await createAgency(t, admin, { name: 'FJC Gent', type: 'FAMILY_JUSTICE_CENTRE', district: 'Gent' });
    const other = await userSession(t, admin, agency.id, ['case_director', 'agency_member']);
    const res = await t.http().get('/api/v1/me/work-queue').set(auth(other.token)).expect(200);
    expect(res.body.items).toEqual([]);
  });

  describe('consequences before a wide-reaching command', () => {
    it('counts the open cases a protocol suspension would stop, for the liaison', async () => {
      const res = await t
        .http()
        .get(`/api/v1/protocols/${world.protocolId}/consequences`)
        .set(auth(session('liaison').token))
        .expect(200);
      expect(res.body).toEqual({ openCases: 11, openConferences: 1, signatories: 6 });
    });

    it('answers 404 to someone who cannot read the protocol', async () => {
      const admin = session('admin');
      const agency = await createAgency(t, admin, { name: 'CAW Gent', type: 'CAW', district: 'Gent' });
      const other = await userSession(t, admin, agency.id, ['agency_member']);
      await t.http().get(`/api/v1/protocols/${world.protocolId}/consequences`).set(auth(other.token)).expect(404);
    });

    it('counts what closing a case leaves behind, for its case director; 404 outside the case, 403 for a partner', async () => {
      const director = session('director');
      const overdue = ofType(await queue('director'), 'ACTION_OVERDUE')[0]!;
      const evere = await t.http().get(`/api/v1/cases/${overdue.caseId}/consequences`).set(auth(director.token)).expect(200);
      expect(evere.body).toEqual({
        openActions: 2,
        overdueActions: 2,
        pendingContributions: 0,
        openDataRequests: 0,
        upcomingConferences: 0,
        activeConsents: expect.any(Number),
        agencies: 3,
      });
      // Still collecting and on next week's agenda: the CAW has not contributed yet.
      const asked = ofType(await queue('caw'), 'CONTRIBUTION_ASKED')[0]!;
      const molenbeek = await t.http().get(`/api/v1/cases/${asked.caseId}/consequences`).set(auth(director.token)).expect(200);
      expect(molenbeek.body).toMatchObject({ openActions: 0, overdueActions: 0, pendingContributions: 1, upcomingConferences: 1 });
      // A partner in the case may read it but not close it; a director elsewhere does not see it.
      await t
        .http()
        .get(`/api/v1/cases/${asked.caseId}/consequences`)
        .set(auth(session('caw').token))
        .expect(403);
      const admin = session('admin');
      const agency = await createAgency(t, admin, { name: 'FJC Leuven', type: 'FAMILY_JUSTICE_CENTRE', district: 'Leuven' });
      const other = await userSession(t, admin, agency.id, ['case_director', 'agency_member']);
      await t.http().get(`/api/v1/cases/${asked.caseId}/consequences`).set(auth(other.token)).expect(404);
      await t.http().get('/api/v1/cases/00000000-0000-4000-8000-000000000000/consequences').set(auth(director.token)).expect(404);
    });

    it('counts the people and cases an agency or account deactivation touches, for the administrator only', async () => {
      const admin = session('admin');
      const agencies = await t.http().get('/api/v1/agencies?limit=200').set(auth(admin.token)).expect(200);
      const caw = agencies.body.items.find((a: { name: string }) => a.name === 'CAW Brussel');
      const res = await t.http().get(`/api/v1/agencies/${caw.id}/consequences`).set(auth(admin.token)).expect(200);
      expect(res.body).toEqual({ activeUsers: 1, openCases: 8, approvedProtocols: 1 });
      const user = await t
        .http()
        .get(`/api/v1/users/${session('director').id}/consequences`)
        .set(auth(admin.token))
        .expect(200);
      expect(user.body).toEqual({ directedOpenCases: 8, chairedOpenConferences: 1, activeSessions: expect.any(Number) });
      await t
        .http()
        .get(`/api/v1/users/${session('director').id}/consequences`)
        .set(auth(session('director').token))
        .expect(403);
      await t.http().get('/api/v1/agencies/00000000-0000-4000-8000-000000000000/consequences').set(auth(admin.token)).expect(404);
    });
  });
});
