import type { AddressInfo } from 'node:net';
import { checkResponse, contractJsonSchemas, RESPONSE_CONTRACTS, type ContractName } from '@schakel/contracts';
import { buildDemoWorld, type DemoWorld } from '../src/cli/demo-world';
import { auth, createUser, signIn, totpCode, type Session } from './support/sessions';
import { startTestApp, TEST_ADMIN, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

// libs/contracts is the one source of the response shapes: the OpenAPI document must publish them
// as they are, name them for the routes below, and the API must answer exactly in those shapes
// (contracts are strict: a field the API sends but the contract does not name fails too).

/** The routes whose documented answer is a contract; a route dropping its @ApiContract fails here. */
const ROUTES: Record<string, ContractName> = {
  'get /api/v1/me': 'Me',
  'post /api/v1/me/mfa/enroll 200': 'MfaEnrolment',
  'post /api/v1/auth/login 200': 'LoginResponse',
  'post /api/v1/auth/mfa 200': 'TokenResponse',
  'post /api/v1/auth/refresh 200': 'TokenResponse',
  'get /api/v1/me/work-queue': 'WorkQueue',
  'get /api/v1/agencies': 'AgencyPage',
  'get /api/v1/agencies/{id}': 'Agency',
  'post /api/v1/agencies 201': 'Agency',
  'patch /api/v1/agencies/{id}': 'Agency',
  'get /api/v1/users': 'UserPage',
  'get /api/v1/users/{id}': 'User',
  'post /api/v1/users 201': 'User',
  'patch /api/v1/users/{id}': 'User',
  'get /api/v1/protocols': 'ProtocolPage',
  'get /api/v1/protocols/{id}': 'ProtocolDetail',
  'post /api/v1/protocols 201': 'Protocol',
  'patch /api/v1/protocols/{id}': 'Protocol',
  'post /api/v1/protocols/{id}/submit 200': 'ProtocolDetail',
  'post /api/v1/protocols/{id}/approve 200': 'ProtocolDetail',
  'post /api/v1/protocols/{id}/reject 200': 'ProtocolDetail',
  'post /api/v1/protocols/{id}/suspend 200': 'ProtocolDetail',
  'post /api/v1/protocols/{id}/suspension/lift 200': 'ProtocolDetail',
  'post /api/v1/protocols/{id}/amend 201': 'Protocol',
  'get /api/v1/protocols/{id}/confidentiality': 'ConfidentialityStatement',
  'post /api/v1/protocols/{id}/acknowledgements 201': 'ConfidentialityAcknowledgement',
  'get /api/v1/protocols/{id}/access-list': 'AccessList',
  'post /api/v1/referrals 201': 'ReferralResult',
  'get /api/v1/cases': 'CaseListPage',
  'get /api/v1/cases/{id}': 'CaseView',
  'get /api/v1/cases/{id}/timeline': 'Timeline',
  'get /api/v1/cases/{id}/decisions': 'DecisionList',
  'post /api/v1/cases/{id}/decisions 201': 'Decision',
  'post /api/v1/cases/{id}/transitions 200': 'CaseSummary',
  'get /api/v1/cases/{id}/relationships': 'RelationshipList',
  'get /api/v1/cases/{id}/data-requests': 'DataRequestList',
  'post /api/v1/cases/{id}/persons 201': 'Person',
  'patch /api/v1/cases/{id}/persons/{pid}': 'Person',
  'post /api/v1/cases/{id}/relationships 201': 'Relationship',
  'post /api/v1/cases/{id}/persons/{pid}/data-requests 201': 'DataRequest',
  'get /api/v1/cases/{id}/team': 'CaseTeam',
  'get /api/v1/cases/{id}/team/candidates': 'TeamCandidateList',
  'post /api/v1/cases/{id}/team 201': 'CaseTeam',
  'delete /api/v1/cases/{id}/team/{userId}': 'CaseTeam',
  'post /api/v1/cases/{id}/handover 200': 'Handover',
  'post /api/v1/cases/{id}/incidents 201': 'CaseIncident',
  'post /api/v1/cases/{id}/reopen 200': 'CaseSummary',
  'get /api/v1/risk-instruments': 'RiskInstrumentList',
  'get /api/v1/cases/{id}/risk-assessments': 'RiskAssessmentList',
  'post /api/v1/cases/{id}/risk-assessments 201': 'RiskAssessment',
  'get /api/v1/cases/{id}/contributions': 'ContributionList',
  'get /api/v1/cases/{id}/consents': 'ConsentsAndNotices',
  'post /api/v1/cases/{id}/consents 201': 'Consent',
  'post /api/v1/cases/{id}/consents/{cid}/withdraw 200': 'Consent',
  'post /api/v1/cases/{id}/notices 201': 'Notice',
  'get /api/v1/cases/{id}/actions': 'CaseActionList',
  'post /api/v1/cases/{id}/actions 201': 'CaseAction',
  'patch /api/v1/cases/{id}/actions/{aid}': 'CaseAction',
  'get /api/v1/cases/{id}/evaluations': 'EvaluationList',
  'get /api/v1/me/reminders': 'Reminders',
  'get /api/v1/me/notifications': 'NotificationPage',
  'post /api/v1/me/notifications/read-all 200': 'NotificationsMarked',
  'post /api/v1/me/notifications/{id}/read 200': 'Notification',
  'get /api/v1/legal-bases': 'LegalBasisList',
  'get /api/v1/access-log': 'AccessLogPage',
  'get /api/v1/statistics/overview': 'StatisticsOverview',
  'get /api/v1/conferences': 'ConferencePage',
  'get /api/v1/conferences/invitable': 'InvitableList',
  'get /api/v1/conferences/{id}': 'ConferenceDetail',
  'get /api/v1/cases/{id}/contributions/{cid}/legal-bases': 'LegalBasisOptionList',
  'get /api/v1/sharing-log/checkpoint': 'Checkpoint',
  'get /api/v1/sharing-log/verify': 'ChainVerdict',
  'get /api/v1/sharing-log/public-key': 'SharingLogPublicKey',
  'get /api/v1/sharing-log/proofs/inclusion': 'InclusionProof',
  'get /api/v1/sharing-log/proofs/consistency': 'ConsistencyProof',
  'put /api/v1/me/witness-key 200': 'WitnessKey',
  'post /api/v1/sharing-log/cosignatures 201': 'Cosignature',
  'get /api/v1/sharing-log': 'SharingLogPage',
  'get /api/v1/sharing-log/export': 'SharingLogExport',
  'post /api/v1/cases/{id}/contributions/{cid}/disclosures 201': 'Disclosure',
  'post /api/v1/cases/{id}/persons/{pid}/disclosures 201': 'PersonDisclosure',
  'get /api/v1/protocols/{id}/consequences': 'ProtocolConsequences',
  'get /api/v1/cases/{id}/consequences': 'CaseConsequences',
  'get /api/v1/agencies/{id}/consequences': 'AgencyConsequences',
  'get /api/v1/users/{id}/consequences': 'UserConsequences',
  'get /api/v1/sharing-log/reviews': 'DisclosureReviewPage',
  'post /api/v1/sharing-log/reviews/{seq} 201': 'DisclosureReviewOutcome',
  'get /api/v1/login-audit': 'LoginAuditPage',
  'post /api/v1/conferences 201': 'ScheduledConference',
  'post /api/v1/conferences/{id}/acknowledge 200': 'ConferenceAcknowledgement',
  'post /api/v1/conferences/{id}/start 200': 'StartedConference',
  'put /api/v1/conferences/{id}/items/{caseId}/minutes': 'SavedItemMinutes',
  'post /api/v1/conferences/{id}/close 200': 'Conference',
  'get /api/v1/statistics/annual-report': 'AnnualReport',
  'get /api/v1/processing-record': 'ProcessingRecord',
  'get /api/v1/persons/{id}/export': 'PersonExport',
  'patch /api/v1/me': 'User',
  'post /api/v1/me/mfa/confirm 200': 'MfaConfirmation',
  'get /api/v1/auth/oidc': 'OidcStatus',
  'get /api/health': 'Liveness',
  'get /api/health/ready': 'Readiness',
  'get /api/health/ready 503': 'Readiness',
  'get /api/v1/access-log/anomalies': 'AccessAnomalies',
  'get /api/v1/risk-instruments/{key}/{version}': 'RiskInstrument',
  'post /api/v1/cases/{id}/agencies 201': 'AgencyInvitation',
  'post /api/v1/cases/{id}/agencies/{agencyId}/waiver 200': 'ContributionWaiver',
  'post /api/v1/cases/{id}/contributions 201': 'RecordedContribution',
  'post /api/v1/cases/{id}/evaluations 201': 'RecordedEvaluation',
  'post /api/v1/cases/{id}/legal-hold 200': 'LegalHold',
  'post /api/v1/cases/{id}/erasure 200': 'CaseErasure',
};

function contractOf(doc: OpenApi, route: string): string | undefined {
  const [method, path, status = method === 'post' ? '201' : '200'] = route.split(' ');
  const ref = doc.paths[path!]?.[method!]?.responses?.[status]?.content?.['application/json']?.schema?.$ref;
  return ref?.replace('#/components/schemas/', '');
}

describe('contracts: one source of the response shapes for the API, its OpenAPI document and the SPA', () => {
  let t: TestApp;
  let doc: OpenApi;
  let world: DemoWorld;
  const sessions: Record<string, Session> = {};
  const account = (key: string) => world.accounts.find((a) => a.key === key)!;
  /** GET as one of the demo accounts, and the body checked against its contract. */
  const read = async (name: ContractName, who: string, path: string): Promise<Json> => {
    const res = await t.http().get(`/api/v1${path}`).set(auth(sessions[who]!.token));
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expectContract(name, res.body, `${who} GET ${path}`);
    return res.body as Json;
  };
  /** The same where the role may be refused (403); counts the answers checked per contract. */
  const checked = new Map<ContractName, number>();
  const readIfAllowed = async (name: ContractName, who: string, path: string): Promise<void> => {
    const res = await t.http().get(`/api/v1${path}`).set(auth(sessions[who]!.token));
    if (res.status === 403) return;
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    expectContract(name, res.body, `${who} GET ${path}`);
    checked.set(name, (checked.get(name) ?? 0) + 1);
  };
  const expectContract = (name: ContractName, body: unknown, what: string) => {
    const r = checkResponse(name, body);
    const problems = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${'keys' in i ? ` ${JSON.stringify(i.keys)}` : ''}`);
    expect({ what, problems }).toEqual({ what, problems: [] });
  };

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
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

  describe('the OpenAPI document', () => {
    it('publishes every contract as a component schema, exactly as libs/contracts renders it', () => {
      const expected = contractJsonSchemas();
      for (const name of Object.keys(RESPONSE_CONTRACTS))
        expect({ name, schema: doc.components.schemas[name] }).toEqual({ name, schema: expected[name as ContractName] });
    });

    it('answers each contract-backed route with its contract', () => {
      const documented = Object.fromEntries(Object.keys(ROUTES).map((route) => [route, contractOf(doc, route)]));
      expect(documented).toEqual(ROUTES);
    });

    it('lists the file forms beside the contract where a route also answers a file', () => {
      const types = (path: string) => Object.keys(doc.paths[path]?.['get']?.responses?.['200']?.content ?? {}).sort();
      expect(types('/api/v1/persons/{id}/export')).toEqual(['application/json', 'application/pdf']);
      expect(types('/api/v1/processing-record')).toEqual(['application/json', 'application/pdf']);
      expect(types('/api/v1/statistics/annual-report')).toEqual(['application/json', 'application/pdf', 'text/csv']);
    });

    it('references only contracts that exist, and every contract is used by a route or another contract', () => {
      const text = JSON.stringify(doc);
      const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([A-Za-z0-9]+)"/g)].map((m) => m[1]!));
      for (const ref of refs) expect({ ref, known: ref in doc.components.schemas }).toEqual({ ref, known: true });
      const unused = Object.keys(RESPONSE_CONTRACTS).filter((name) => !refs.has(name));
      expect(unused).toEqual([]);
    });
  });

  describe('the answers, on the demo world', () => {
    it('GET /me, for every role', async () => {
      for (const who of Object.keys(sessions)) await read('Me', who, '/me');
    });

    it('GET /me/work-queue and /me/reminders, for every role', async () => {
      for (const who of Object.keys(sessions)) await read('WorkQueue', who, '/me/work-queue');
      for (const who of Object.keys(sessions)) await read('Reminders', who, '/me/reminders');
    });

    it('notifications, marking one read, the legal bases and the access log', async () => {
      const page = await read('NotificationPage', 'director', '/me/notifications?limit=100');
      const first = (page['items'] as Json[])[0]!;
      const marked = await t.http().post(`/api/v1/me/notifications/${first['id']}/read`).set(auth(sessions['director']!.token)).send({}).expect(200);
      expectContract('Notification', marked.body, 'POST /me/notifications/:id/read');
      const all = await t.http().post('/api/v1/me/notifications/read-all').set(auth(sessions['director']!.token)).send({}).expect(200);
      expectContract('NotificationsMarked', all.body, 'POST /me/notifications/read-all');
      await read('LegalBasisList', 'caw', '/legal-bases');
      const instruments = await read('RiskInstrumentList', 'caw', '/risk-instruments');
      for (const i of instruments['items'] as Json[]) await read('RiskInstrument', 'caw', `/risk-instruments/${i['key']}/${i['version']}`);
      await read('StatisticsOverview', 'dpo', '/statistics/overview');
      await read('StatisticsOverview', 'dpo', '/statistics/overview?from=2020-01-01&to=2030-12-31&district=Brussel');
      const log = await read('AccessLogPage', 'dpo', '/access-log?limit=100');
      expect((log['items'] as Json[]).length).toBeGreaterThan(0);
      await read('AnnualReport', 'dpo', '/statistics/annual-report');
      await read('AnnualReport', 'director', `/statistics/annual-report?year=${new Date().getUTCFullYear()}`);
      for (const lang of ['nl', 'fr']) {
        const record = await read('ProcessingRecord', 'dpo', `/processing-record?lang=${lang}`);
        expect((record['activities'] as Json[]).length).toBeGreaterThan(0);
      }
      const audit = await read('LoginAuditPage', 'dpo', '/login-audit?limit=100');
      expect((audit['items'] as Json[]).length).toBeGreaterThan(0);
    });

    it('agencies and users (administration)', async () => {
      const agencies = await read('AgencyPage', 'admin', '/agencies?limit=100');
      await read('Agency', 'admin', `/agencies/${(agencies['items'] as Json[])[0]!['id']}`);
      const users = await read('UserPage', 'admin', '/users?limit=100');
      await read('User', 'admin', `/users/${(users['items'] as Json[])[0]!['id']}`);
      await read('AgencyConsequences', 'admin', `/agencies/${(agencies['items'] as Json[])[0]!['id']}/consequences`);
      await read('UserConsequences', 'admin', `/users/${sessions['director']!.id}/consequences`);
    });

    it('protocols: the list and the detail', async () => {
      for (const who of ['director', 'liaison', 'caw']) await read('ProtocolPage', who, '/protocols?limit=100');
      await read('ProtocolDetail', 'liaison', `/protocols/${world.protocolId}`);
      await read('ProtocolConsequences', 'liaison', `/protocols/${world.protocolId}/consequences`);
      for (const who of ['director', 'caw', 'police']) await read('ConfidentialityStatement', who, `/protocols/${world.protocolId}/confidentiality`);
      const ack = await t.http().post(`/api/v1/protocols/${world.protocolId}/acknowledgements`).set(auth(sessions['caw']!.token)).send({}).expect(201);
      expectContract('ConfidentialityAcknowledgement', ack.body, 'POST /protocols/:id/acknowledgements');
      for (const who of ['liaison', 'dpo']) await readIfAllowed('AccessList', who, `/protocols/${world.protocolId}/access-list`);
      expect(checked.get('AccessList')).toBeGreaterThan(0);
    });

    it('cases: the list, every case in full, limited or awaiting acknowledgement, with timeline and decisions', async () => {
      const forms = new Set<string>();
      for (const who of ['director', 'referrer', 'caw', 'police']) {
        const page = await read('CaseListPage', who, '/cases?limit=100');
        for (const item of page['items'] as Json[]) {
          const detail = await read('CaseView', who, `/cases/${item['id']}`);
          forms.add(detail['confidentiality'] ? 'unacknowledged' : detail['limited'] ? 'limited' : 'full');
          if (detail['limited'] === false) {
            await read('Timeline', who, `/cases/${item['id']}/timeline`);
            await read('DecisionList', who, `/cases/${item['id']}/decisions`);
            await read('RelationshipList', who, `/cases/${item['id']}/relationships`);
            for (const [name, sub] of [
              ['ContributionList', 'contributions'],
              ['ConsentsAndNotices', 'consents'],
              ['CaseActionList', 'actions'],
              ['EvaluationList', 'evaluations'],
              ['CaseTeam', 'team'],
              ['TeamCandidateList', 'team/candidates'],
              ['RiskAssessmentList', 'risk-assessments'],
              ['CaseConsequences', 'consequences'],
            ] as const) {
              await readIfAllowed(name, who, `/cases/${item['id']}/${sub}`);
            }
          }
        }
      }
      expect([...forms].sort()).toEqual(expect.arrayContaining(['full', 'limited']));
      for (const name of [
        'ContributionList',
        'ConsentsAndNotices',
        'CaseActionList',
        'EvaluationList',
        'CaseTeam',
        'TeamCandidateList',
        'RiskAssessmentList',
        'CaseConsequences',
      ] as const)
        expect({ name, checked: (checked.get(name) ?? 0) > 0 }).toEqual({ name, checked: true });
    });

    it('conferences: the list, and each conference as chair and as invitee', async () => {
      for (const who of ['director', 'caw', 'police']) {
        const page = await read('ConferencePage', who, '/conferences?limit=100');
        for (const c of page['items'] as Json[]) await read('ConferenceDetail', who, `/conferences/${c['id']}`);
      }
      await read('ConferenceDetail', 'director', `/conferences/${world.conferenceId}`);
      const invitable = await read('InvitableList', 'director', `/conferences/invitable?protocolId=${world.protocolId}`);
      expect((invitable['items'] as Json[]).length).toBeGreaterThan(0);
    });

    it("the export of a person's data (JSON), whole and with sections withheld", async () => {
      let exported = 0;
      for (const item of (await read('CaseListPage', 'director', '/cases?limit=100'))['items'] as Json[]) {
        const detail = await read('CaseView', 'director', `/cases/${item['id']}`);
        for (const person of (detail['persons'] as Json[] | undefined) ?? []) {
          await read('PersonExport', 'dpo', `/persons/${person['id']}/export`);
          exported++;
        }
        if (exported >= 4) break;
      }
      expect(exported).toBeGreaterThan(0);
      const first = (
        (await read('CaseView', 'director', `/cases/${((await read('CaseListPage', 'director', '/cases?limit=1'))['items'] as Json[])[0]!['id']}`))[
          'persons'
        ] as Json[]
      )[0]!;
      const restricted = await read(
        'PersonExport',
        'dpo',
        `/persons/${first['id']}/export?restrict=accessLog,sharingLog&restrictionReason=${encodeURIComponent('Telling who read the file would reveal the shelter staff')}`,
      );
      expect(restricted['restrictions']).not.toBeNull();
    });

    it('conference commands: schedule, acknowledge, start (on another day), minutes, close', async () => {
      const director = auth(sessions['director']!.token);
      const caw = sessions['caw']!;
      const demo = await read('ConferenceDetail', 'director', `/conferences/${world.conferenceId}`);
      const caseId = (demo['agenda'] as Json[])[0]!['caseId'] as string;
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const created = await t
        .http()
        .post('/api/v1/conferences')
        .set(director)
        .send({ protocolId: world.protocolId, scheduledAt: tomorrow, location: 'FJC Brussel, zaal 2', caseIds: [caseId], inviteeUserIds: [caw.id] })
        .expect(201);
      expectContract('ScheduledConference', created.body, 'POST /conferences');
      const path = `/api/v1/conferences/${created.body.id as string}`;
      const ack = await t.http().post(`${path}/acknowledge`).set(auth(caw.token)).send({}).expect(200);
      expectContract('ConferenceAcknowledgement', ack.body, 'POST /conferences/:id/acknowledge');
      const started = await t.http().post(`${path}/start`).set(director).send({}).expect(200);
      expectContract('StartedConference', started.body, 'POST /conferences/:id/start');
      expect((started.body.warnings as Json[]).map((w) => w['code'])).toEqual(['CONFERENCE_NOT_TODAY']);
      const minutes = await t
        .http()
        .put(`${path}/items/${caseId}/minutes`)
        .set(director)
        .send({ minutes: 'Safety plan agreed.', attendance: [{ userId: caw.id, present: true }], decisions: [] })
        .expect(200);
      expectContract('SavedItemMinutes', minutes.body, 'PUT /conferences/:id/items/:caseId/minutes');
      const closed = await t.http().post(`${path}/close`).set(director).send({}).expect(200);
      expectContract('Conference', closed.body, 'POST /conferences/:id/close');
      expect(closed.body.seal).not.toBeNull();
    });

    it('the sharing log: checkpoint, verification and proofs', async () => {
      // One disclosure, so the log has entries: a CAW contribution shared with another case agency.
      let shared = false;
      let necessitySeq: number | undefined;
      const caw = sessions['caw']!;
      for (const item of (await read('CaseListPage', 'caw', '/cases?limit=100'))['items'] as Json[]) {
        if (shared || item['limited'] !== false) continue;
        const detail = await read('CaseView', 'caw', `/cases/${item['id']}`);
        const to = (detail['agencies'] as Json[]).find((a) => a['id'] !== caw.agencyId)?.['id'];
        const own = ((await t.http().get(`/api/v1/cases/${item['id']}/contributions`).set(auth(caw.token))).body.items as Json[] | undefined)?.find(
          (c) => c['agencyId'] === caw.agencyId,
        );
        if (!to || !own) continue;
        await read('LegalBasisOptionList', 'caw', `/cases/${item['id']}/contributions/${own['id']}/legal-bases?toAgencyIds=${to}`);
        const res = await t
          .http()
          .post(`/api/v1/cases/${item['id']}/contributions/${own['id']}/disclosures`)
          .set(auth(caw.token))
          .send({ toAgencyIds: [to], legalBasis: 'ART_458TER', justification: 'Shared for the safety plan discussed at the case conference.' });
        shared = res.status === 201;
        if (shared) expectContract('Disclosure', res.body, 'POST /cases/:id/contributions/:cid/disclosures');
        // And one under the state of necessity, for the DPO's review queue: to an agency the dialog offers it for.
        for (const other of (detail['agencies'] as Json[]).map((a) => a['id']).filter((id) => id !== caw.agencyId)) {
          if (necessitySeq !== undefined) break;
          const path = `/cases/${item['id']}/contributions/${own['id']}`;
          const options = await read('LegalBasisOptionList', 'caw', `${path}/legal-bases?toAgencyIds=${other}`);
          if (!(options['items'] as Json[]).some((o) => o['legalBasis'] === 'NECESSITY' && o['available'])) continue;
          const necessity = await t
            .http()
            .post(`/api/v1${path}/disclosures`)
            .set(auth(caw.token))
            .send({
              toAgencyIds: [other],
              legalBasis: 'NECESSITY',
              dangerStatement: 'Imminent danger to the children tonight.',
              justification: 'Shared to avert the danger.',
            });
          expect(necessity.status).toBe(201);
          expectContract('Disclosure', necessity.body, 'POST /cases/:id/contributions/:cid/disclosures (NECESSITY)');
          necessitySeq = necessity.body.seq as number;
        }
      }
      expect(shared).toBe(true);
      expect(necessitySeq).toBeDefined();
      for (const who of ['dpo', 'liaison']) {
        const reviews = await read('DisclosureReviewPage', who, '/sharing-log/reviews?limit=100');
        expect((reviews['items'] as Json[]).map((r) => r['seq'])).toContain(necessitySeq);
      }
      const reviewed = await t
        .http()
        .post(`/api/v1/sharing-log/reviews/${necessitySeq}`)
        .set(auth(sessions['dpo']!.token))
        .send({ outcome: 'REVIEWED', note: 'Necessity was plausible.' })
        .expect(201);
      expectContract('DisclosureReviewOutcome', reviewed.body, 'POST /sharing-log/reviews/:seq');
      await read('DisclosureReviewPage', 'dpo', '/sharing-log/reviews?status=REVIEWED');
      for (const who of ['liaison', 'dpo', 'caw']) {
        const page = await read('SharingLogPage', who, '/sharing-log?limit=100');
        if (who === 'dpo') expect((page['items'] as Json[]).length).toBeGreaterThan(0);
      }
      for (const who of ['liaison', 'dpo']) await read('SharingLogExport', who, '/sharing-log/export');
      const checkpoint = await read('Checkpoint', 'liaison', '/sharing-log/checkpoint');
      await read('ChainVerdict', 'dpo', '/sharing-log/verify');
      for (const who of ['liaison', 'dpo']) await read('SharingLogPublicKey', who, '/sharing-log/public-key');
      const size = checkpoint['size'] as number;
      expect(size).toBeGreaterThanOrEqual(1);
      await read('InclusionProof', 'liaison', `/sharing-log/proofs/inclusion?seq=1&size=${size}`);
      await read('ConsistencyProof', 'liaison', `/sharing-log/proofs/consistency?from=1&to=${size}`);
    });

    it('public routes: liveness, readiness and whether single sign-on is configured', async () => {
      expectContract('Liveness', (await t.http().get('/api/health').expect(200)).body, 'GET /health');
      expectContract('Readiness', (await t.http().get('/api/health/ready').expect(200)).body, 'GET /health/ready');
      expectContract('OidcStatus', (await t.http().get('/api/v1/auth/oidc').expect(200)).body, 'GET /auth/oidc');
    });

    it('TOTP enrolment confirmed by a new account', async () => {
      const user = await createUser(t, sessions['admin']!, sessions['caw']!.agencyId, ['agency_member']);
      const token = (await t.http().post('/api/v1/auth/login').send({ email: user.email, password: user.password }).expect(200)).body.accessToken as string;
      const enrolment = await t.http().post('/api/v1/me/mfa/enroll').set(auth(token)).send({}).expect(200);
      expectContract('MfaEnrolment', enrolment.body, 'POST /me/mfa/enroll');
      const confirmed = await t
        .http()
        .post('/api/v1/me/mfa/confirm')
        .set(auth(token))
        .send({ code: totpCode(enrolment.body.secret as string) })
        .expect(200);
      expectContract('MfaConfirmation', confirmed.body, 'POST /me/mfa/confirm');
    });

    it('the access anomalies, after the reads above', async () => {
      const anomalies = await read('AccessAnomalies', 'dpo', '/access-log/anomalies?windowMinutes=1440&minCases=2&minDenied=1');
      expect((anomalies['items'] as Json[]).length).toBeGreaterThan(0);
    });

    it('case commands: invitation, waiver, contribution, evaluation, legal hold and erasure', async () => {
      const director = auth(sessions['director']!.token);
      const dpo = auth(sessions['dpo']!.token);
      const cases = (await read('CaseListPage', 'director', '/cases?limit=100'))['items'] as Json[];
      const caseOf = (family: string) => cases.find((c) => c['reference'] === world.caseReferences[family])!['id'] as string;
      const agencies = (await read('AgencyPage', 'admin', '/agencies?limit=100'))['items'] as Json[];
      const cgg = agencies.find((a) => a['name'] === 'CGG Brussel')!['id'] as string;

      // Collecting: the mental health service is invited, then waived; the CAW adds what it knows.
      const collecting = caseOf('molenbeek');
      const invited = await t.http().post(`/api/v1/cases/${collecting}/agencies`).set(director).send({ agencyId: cgg }).expect(201);
      expectContract('AgencyInvitation', invited.body, 'POST /cases/:id/agencies');
      const waived = await t
        .http()
        .post(`/api/v1/cases/${collecting}/agencies/${cgg}/waiver`)
        .set(director)
        .send({ reason: 'The mental health service has no file on this family.' })
        .expect(200);
      expectContract('ContributionWaiver', waived.body, 'POST /cases/:id/agencies/:agencyId/waiver');
      const contributed = await t
        .http()
        .post(`/api/v1/cases/${collecting}/contributions`)
        .set(auth(sessions['caw']!.token))
        .send({ category: 'WELFARE_SUPPORT', content: 'Known to the CAW since the summer; the victim asked about shelter.' })
        .expect(201);
      expectContract('RecordedContribution', contributed.body, 'POST /cases/:id/contributions');

      // In evaluation: escalated, back to case direction and onto the next conference's agenda (or an urgent one).
      const evaluated = await t
        .http()
        .post(`/api/v1/cases/${caseOf('sintgillis')}/evaluations`)
        .set(director)
        .send({ outcome: 'ESCALATE', summary: 'The perpetrator left the programme: back to the table.' })
        .expect(201);
      expectContract('RecordedEvaluation', evaluated.body, 'POST /cases/:id/evaluations');
      expect(evaluated.body.caseStage).toBe('CASUSREGIE');
      expect(evaluated.body.escalation).not.toBeNull();

      // Declined: held, refused erasure while held, released, erased; the case then reads as its skeleton.
      const declined = caseOf('oudergem');
      const held = await t
        .http()
        .post(`/api/v1/cases/${declined}/legal-hold`)
        .set(dpo)
        .send({ hold: true, reason: 'A judicial procedure is pending.' })
        .expect(200);
      expectContract('LegalHold', held.body, 'POST /cases/:id/legal-hold');
      expect(held.body.legalHold).toBe(true);
      await t.http().post(`/api/v1/cases/${declined}/erasure`).set(dpo).send({ reason: 'Erasure request of the data subject (art. 17 GDPR).' }).expect(422);
      const released = await t.http().post(`/api/v1/cases/${declined}/legal-hold`).set(dpo).send({ hold: false, reason: 'The procedure ended.' }).expect(200);
      expectContract('LegalHold', released.body, 'POST /cases/:id/legal-hold (lifted)');
      const erased = await t
        .http()
        .post(`/api/v1/cases/${declined}/erasure`)
        .set(dpo)
        .send({ reason: 'Erasure request of the data subject (art. 17 GDPR).' })
        .expect(200);
      expectContract('CaseErasure', erased.body, 'POST /cases/:id/erasure');
      expect((await read('CaseView', 'director', `/cases/${declined}`))['erased']).toBe(true);
    });
  });
});
