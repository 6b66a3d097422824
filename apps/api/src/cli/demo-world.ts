import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { nationalNumberCheckDigits } from '@schakel/domain';

/**
 * The demo world: a Brussels district built through the public HTTP API only, so it obeys every
 * rule a real district obeys (protocol approval, chain guards, invitations). Used by `npm run demo`
 * and by the browser test that signs into it.
 */

export const DEMO_MARKER_AGENCY = 'FJC Brussel (demo)';
export const DEMO_DISTRICT = 'Brussel';

export interface DemoAccount {
  key: string;
  role: string;
  email: string;
  password: string;
  displayName: string;
  agency: string;
  locale: string;
  /** base32 TOTP secret when the role must use two-step verification. */
  totpSecret?: string;
}

export interface DemoWorld {
  createdAt: string;
  baseUrl: string;
  accounts: DemoAccount[];
  protocolId: string;
  conferenceId: string;
  caseReferences: Record<string, string>;
}

export class DemoError extends Error {}

type Json = Record<string, unknown>;

export function totpNow(secret: string, stepOffset = 0): string {
  const totp = new TOTP({ issuer: 'Schakel', secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + stepOffset * 30_000 });
}

class Api {
  constructor(private readonly base: string) {}

  async call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      parsed = { raw: text };
    }
    return { status: res.status, body: parsed };
  }

  async ok(method: string, path: string, token: string | undefined, body?: unknown): Promise<Json> {
    const res = await this.call(method, path, token, body);
    if (res.status >= 300) throw new DemoError(`${method} ${path} answered ${res.status}: ${String(res.body['message'] ?? JSON.stringify(res.body))}`);
    return res.body;
  }
}

/** Signs in; enrols TOTP when the role requires it and returns the new secret. */
async function signIn(api: Api, email: string, password: string, secret?: string, mfaCode?: string): Promise<{ token: string; id: string; secret?: string }> {
  const login = await api.call('POST', '/auth/login', undefined, { email, password });
  if (login.status !== 200) throw new DemoError(`cannot sign in as ${email} (${login.status}): ${String(login.body['message'] ?? '')}`);
  let token = login.body['accessToken'] as string;
  if (login.body['mfaRequired']) {
    const code = mfaCode ?? (secret ? totpNow(secret, 1) : undefined);
    if (!code) throw new DemoError(`${email} uses two-step verification: pass its current code as DEMO_ADMIN_TOTP=123456`);
    token = (await api.ok('POST', '/auth/mfa', undefined, { mfaToken: login.body['mfaToken'], code }))['accessToken'] as string;
  }
  const me = await api.ok('GET', '/me', token);
  if (me['mfaEnrollmentRequired']) {
    const enrol = await api.ok('POST', '/me/mfa/enroll', token, {});
    secret = enrol['secret'] as string;
    await api.ok('POST', '/me/mfa/confirm', token, { code: totpNow(secret) });
  }
  return { token, id: me['id'] as string, secret };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

/** Tuesday of next week, 14:00 in Brussels (13:00 UTC in winter; close enough in summer). */
function nextWeekTuesday(): string {
  const d = new Date();
  const toMonday = (8 - d.getUTCDay()) % 7 || 7;
  d.setUTCDate(d.getUTCDate() + toMonday + 1);
  return `${isoDay(d)}T13:00:00Z`;
}

function nationalNumber(birthDate: string, seq: number): string {
  const [y, m, d] = birthDate.split('-');
  if (!y || !m || !d) throw new Error(`not a YYYY-MM-DD birth date: ${birthDate}`);
  const nine = `${y.slice(2)}${m}${d}${String(seq).padStart(3, '0')}`;
  const check = nationalNumberCheckDigits(nine, Number(y) >= 2000);
  return `${nine.slice(0, 2)}.${nine.slice(2, 4)}.${nine.slice(4, 6)}-${nine.slice(6, 9)}.${check}`;
}

const password = (label: string) => `Demo-${label}-${randomBytes(6).toString('base64url')}-2026`;

interface Family {
  key: string;
  victim: [string, string, string];
  perpetrator: [string, string, string];
  children?: [string, string, string][];
  address: string;
  summary: string;
  types: string[];
  redFlags: string[];
  /** Where the family is in the chain once the demo is built. */
  target:
    'NEW' | 'COLLECTING' | 'READY_TO_WEIGH' | 'WEIGHING' | 'READY_FOR_DIRECTION' | 'DIRECTION' | 'EXECUTION' | 'EXECUTION_OVERDUE' | 'EVALUATION' | 'DECLINED';
}

const FAMILIES: Family[] = [
  {
    key: 'elsene',
    victim: ['Sofia', 'Marchal', '1990-02-11'],
    perpetrator: ['Kevin', 'Marchal', '1987-06-30'],
    children: [['Lina', 'Marchal', '2018-09-03']],
    address: 'Elsensesteenweg 112, 1050 Elsene',
    summary: 'Repeated strangulation reported by the victim after a night-time police intervention; one child witnessed the last incident.',
    types: ['PHYSICAL', 'PSYCHOLOGICAL'],
    redFlags: ['RF08', 'RF13'],
    target: 'NEW',
  },
  {
    key: 'anderlecht',
    victim: ['Yasmina', 'El Idrissi', '1995-12-01'],
    perpetrator: ['Karim', 'El Idrissi', '1992-03-17'],
    address: 'Bergensesteenweg 340, 1070 Anderlecht',
    summary: 'Threats to kill after the announced separation, partner owns a hunting rifle; victim fears for her safety.',
    types: ['PSYCHOLOGICAL', 'VERBAL'],
    redFlags: ['RF03', 'RF05'],
    target: 'NEW',
  },
  {
    key: 'schaerbeek',
    victim: ['Ana', 'Popescu', '1984-07-22'],
    perpetrator: ['Mihai', 'Popescu', '1981-01-09'],
    children: [
      ['Elena', 'Popescu', '2012-04-15'],
      ['Luca', 'Popescu', '2016-10-28'],
    ],
    address: 'Haachtsesteenweg 75, 1030 Schaarbeek',
    summary: 'Economic control and isolation for years, recently physical violence in front of the children.',
    types: ['ECONOMIC', 'PHYSICAL', 'SOCIAL'],
    redFlags: ['RF04', 'RF09'],
    target: 'NEW',
  },
  {
    key: 'molenbeek',
    victim: ['Fatima', 'Benali', '1978-05-05'],
    perpetrator: ['Rachid', 'Benali', '1975-11-19'],
    address: 'Gentsesteenweg 220, 1080 Sint-Jans-Molenbeek',
    summary: 'Escalating violence over six months, two police interventions, victim hospitalised in October.',
    types: ['PHYSICAL'],
    redFlags: ['RF01', 'RF06'],
    target: 'COLLECTING',
  },
  {
    key: 'jette',
    victim: ['Lotte', 'Verhulst', '1993-08-14'],
    perpetrator: ['Pieter', 'Claes', '1990-04-02'],
    children: [['Mila', 'Claes', '2021-01-20']],
    address: 'Jetselaan 48, 1090 Jette',
    summary: 'Stalking after the separation, breaches of the contact arrangement, threats via social media.',
    types: ['CYBER', 'PSYCHOLOGICAL'],
    redFlags: ['RF02', 'RF12'],
    target: 'READY_TO_WEIGH',
  },
  {
    key: 'etterbeek',
    victim: ['Claire', 'Dumont', '1969-03-30'],
    perpetrator: ['Philippe', 'Dumont', '1966-12-12'],
    address: 'Oudergemlaan 201, 1040 Etterbeek',
    summary: 'Long-standing psychological violence, alcohol abuse by the partner, recent suicide threats.',
    types: ['PSYCHOLOGICAL', 'VERBAL'],
    redFlags: ['RF07', 'RF10'],
    target: 'WEIGHING',
  },
  {
    key: 'laken',
    victim: ['Nadia', 'Aouragh', '1988-10-10'],
    perpetrator: ['Samir', 'Aouragh', '1986-02-25'],
    children: [['Adam', 'Aouragh', '2014-06-06']],
    address: 'Houba de Strooperlaan 9, 1020 Laken',
    summary: 'Violence during pregnancy, forced isolation from family, child shows signs of fear at school.',
    types: ['PHYSICAL', 'SOCIAL'],
    redFlags: ['RF11', 'RF04'],
    target: 'READY_FOR_DIRECTION',
  },
  {
    key: 'ukkel',
    victim: ['Isabelle', 'Lambert', '1975-09-01'],
    perpetrator: ['Olivier', 'Lambert', '1972-05-14'],
    address: 'Alsembergsesteenweg 600, 1180 Ukkel',
    summary: 'Sexual violence disclosed to a general practitioner, the victim wants a safe exit plan.',
    types: ['SEXUAL', 'PSYCHOLOGICAL'],
    redFlags: ['RF14'],
    target: 'DIRECTION',
  },
  {
    key: 'vorst',
    victim: ['Aylin', 'Yilmaz', '1997-01-23'],
    perpetrator: ['Emre', 'Yilmaz', '1994-08-08'],
    children: [['Deniz', 'Yilmaz', '2020-12-02']],
    address: 'Van Volxemlaan 30, 1190 Vorst',
    summary: 'Threats with a knife, temporary restraining order imposed, victim living with her sister.',
    types: ['PHYSICAL', 'PSYCHOLOGICAL'],
    redFlags: ['RF03', 'RF05'],
    target: 'EXECUTION',
  },
  {
    key: 'evere',
    victim: ['Marie', 'Nkembe', '1986-04-18'],
    perpetrator: ['Joseph', 'Nkembe', '1983-10-31'],
    address: 'Haachtsesteenweg 1200, 1140 Evere',
    summary: 'Administrative violence: documents withheld, residence status used as leverage.',
    types: ['ADMINISTRATIVE', 'ECONOMIC'],
    redFlags: ['RF09'],
    target: 'EXECUTION_OVERDUE',
  },
  {
    key: 'sintgillis',
    victim: ['Julie', 'Peeters', '1991-11-11'],
    perpetrator: ['Bram', 'De Wit', '1989-07-07'],
    address: 'Waterloosesteenweg 85, 1060 Sint-Gillis',
    summary: 'Action plan largely carried out, perpetrator follows a programme; evaluation of the safety plan due.',
    types: ['PHYSICAL'],
    redFlags: ['RF06'],
    target: 'EVALUATION',
  },
  {
    key: 'oudergem',
    victim: ['Sarah', 'Cohen', '1999-06-16'],
    perpetrator: ['David', 'Levi', '1998-03-03'],
    address: 'Vorstlaan 14, 1160 Oudergem',
    summary: 'One verbal dispute, no history of violence and no risk factors: not a case for the chain approach.',
    types: ['VERBAL'],
    redFlags: [],
    target: 'DECLINED',
  },
];

const ORDER = ['NEW', 'COLLECTING', 'READY_TO_WEIGH', 'WEIGHING', 'READY_FOR_DIRECTION', 'DIRECTION', 'EXECUTION', 'EXECUTION_OVERDUE', 'EVALUATION'] as const;
const reaches = (f: Family, step: (typeof ORDER)[number]) => {
  const at = f.target === 'EXECUTION_OVERDUE' ? ORDER.indexOf('EXECUTION') : ORDER.indexOf(f.target as (typeof ORDER)[number]);
  return f.target !== 'DECLINED' && at >= ORDER.indexOf(step);
};

export interface DemoOptions {
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** The administrator's current TOTP code when it enrolled already. */
  adminTotp?: string;
  /** The administrator's TOTP secret, when known (tests). */
  adminSecret?: string;
  log?: (line: string) => void;
}

/** Whether the demo world exists already in the instance behind `baseUrl` (its marker agency). */
async function demoExists(api: Api, adminToken: string): Promise<boolean> {
  const list = await api.ok('GET', '/agencies?limit=200', adminToken);
  return ((list['items'] as { name: string }[]) ?? []).some((a) => a.name === DEMO_MARKER_AGENCY);
}

export async function buildDemoWorld(o: DemoOptions): Promise<DemoWorld> {
  const log = o.log ?? (() => undefined);
  const api = new Api(o.baseUrl.replace(/\/$/, ''));
  const admin = await signIn(api, o.adminEmail, o.adminPassword, o.adminSecret, o.adminTotp);
  if (await demoExists(api, admin.token)) throw new DemoError(`the demo world exists already in this database (agency "${DEMO_MARKER_AGENCY}")`);

  log('agencies of the Brussels district…');
  const agencyDefs = {
    fjc: [DEMO_MARKER_AGENCY, 'FAMILY_JUSTICE_CENTRE'],
    police: ['PZ Brussel-Hoofdstad-Elsene', 'POLICE'],
    caw: ['CAW Brussel', 'CAW'],
    vk: ['Vertrouwenscentrum Kindermishandeling Brussel', 'CHILD_PROTECTION'],
    cgg: ['CGG Brussel', 'MENTAL_HEALTH'],
    jh: ['Justitiehuis Brussel', 'JUSTICE_HOUSE'],
    parketNl: ['Parket Brussel (NL)', 'PROSECUTION'],
    parquetFr: ['Parquet de Bruxelles (FR)', 'PROSECUTION'],
  } as const;
  const agencies = {} as Record<keyof typeof agencyDefs, string>;
  for (const [key, [name, type]] of Object.entries(agencyDefs) as [keyof typeof agencyDefs, readonly [string, string]][]) {
    agencies[key] = (await api.ok('POST', '/agencies', admin.token, { name, type, district: DEMO_DISTRICT }))['id'] as string;
  }

  log('one account per role…');
  const people: Omit<DemoAccount, 'password' | 'email'>[] = [
    { key: 'director', role: 'case_director', displayName: 'Sara Peeters', agency: 'fjc', locale: 'nl' },
    { key: 'referrer', role: 'referrer', displayName: 'Tom Wouters', agency: 'police', locale: 'nl' },
    { key: 'caw', role: 'agency_member', displayName: 'Amira El Amrani', agency: 'caw', locale: 'nl' },
    { key: 'police', role: 'agency_member', displayName: 'Julie Lambert', agency: 'police', locale: 'fr' },
    { key: 'vk', role: 'agency_member', displayName: 'Lies Claes', agency: 'vk', locale: 'nl' },
    { key: 'cgg', role: 'agency_member', displayName: 'Marc Dubois', agency: 'cgg', locale: 'fr' },
    { key: 'liaison', role: 'prosecutor_liaison', displayName: 'Koen De Smet', agency: 'parketNl', locale: 'nl' },
    { key: 'liaisonFr', role: 'prosecutor_liaison', displayName: 'Claire Martin', agency: 'parquetFr', locale: 'fr' },
    { key: 'dpo', role: 'dpo', displayName: 'Nadia Benali', agency: 'fjc', locale: 'nl' },
  ];
  const accounts: DemoAccount[] = [
    {
      key: 'admin',
      role: 'admin',
      email: o.adminEmail,
      password: o.adminPassword,
      displayName: 'Administrator',
      agency: '',
      locale: 'nl',
      totpSecret: admin.secret ?? o.adminSecret,
    },
  ];
  const sessions: Record<string, { token: string; id: string }> = {};
  for (const p of people) {
    const email = `${p.displayName
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z ]/g, '')
      .trim()
      .replace(/ +/g, '.')}@demo.schakel.be`;
    const pw = password(p.key);
    await api.ok('POST', '/users', admin.token, {
      email,
      displayName: p.displayName,
      agencyId: agencies[p.agency as keyof typeof agencies],
      roles: [p.role],
      password: pw,
      locale: p.locale,
    });
    const s = await signIn(api, email, pw);
    sessions[p.key] = s;
    accounts.push({ ...p, agency: agencyDefs[p.agency as keyof typeof agencyDefs][0], email, password: pw, totpSecret: s.secret });
  }
  const session = (key: string) => {
    const s = sessions[key];
    if (!s) throw new Error(`no demo account "${key}"`);
    return s;
  };
  const tok = (key: string) => session(key).token;

  log('the 458ter protocol, approved by the prosecutor…');
  const signatories = [agencies.police, agencies.caw, agencies.vk, agencies.cgg, agencies.jh];
  const protocol = await api.ok('POST', '/protocols', tok('director'), {
    title: 'Protocol casusoverleg intrafamiliaal geweld Brussel',
    district: DEMO_DISTRICT,
    purpose: 'Multi-agency case conferences on high-risk intrafamilial and partner violence in the nineteen Brussels municipalities (art. 458ter Sw.).',
    agencyIds: signatories,
    dataCategories: ['IDENTIFICATION', 'POLICE_INFORMATION', 'JUDICIAL_INFORMATION', 'WELFARE_SUPPORT', 'CHILD_SITUATION', 'HEALTH', 'RISK_ASSESSMENT'],
    retentionMonths: 60,
    validFrom: `${new Date().getUTCFullYear() - 1}-01-01`,
    validUntil: daysFromNow(45),
  });
  const protocolId = protocol['id'] as string;
  await api.ok('POST', `/protocols/${protocolId}/submit`, tok('director'), {});
  const approval = {
    reference: `PK/BRU/${new Date().getUTCFullYear()}/458ter/001`,
    motivation: 'The protocol meets art. 458ter: purpose, partners, categories and retention are proportionate.',
  };
  const approved = await api.call('POST', `/protocols/${protocolId}/approve`, tok('liaison'), approval);
  // Older instances take no motivation (unknown fields are refused): approve with the reference alone.
  if (approved.status === 400) await api.ok('POST', `/protocols/${protocolId}/approve`, tok('liaison'), { reference: approval.reference });
  else if (approved.status >= 300) throw new DemoError(`approving the protocol answered ${approved.status}`);
  // Where partners acknowledge the protocol before reading case content, they do so now.
  for (const key of ['director', 'caw', 'police', 'vk', 'cgg', 'referrer']) await api.call('POST', `/protocols/${protocolId}/acknowledgements`, tok(key), {});
  // A second protocol waits for the liaison's approval, so their work queue has something to do.
  const pending = await api.ok('POST', '/protocols', tok('director'), {
    title: 'Protocol kindreflex Brussel',
    district: DEMO_DISTRICT,
    purpose: "Shared assessment of the child's situation when a parent is a victim or perpetrator of partner violence.",
    agencyIds: [agencies.vk, agencies.caw],
    dataCategories: ['IDENTIFICATION', 'CHILD_SITUATION', 'WELFARE_SUPPORT'],
    retentionMonths: 36,
    validFrom: daysFromNow(0),
  });
  await api.ok('POST', `/protocols/${pending['id'] as string}/submit`, tok('director'), {});

  log('twelve families at different steps of the chain…');
  const caseReferences: Record<string, string> = {};
  const caseIds: Record<string, string> = {};
  let seq = 11;
  for (const f of FAMILIES) {
    const person = (role: string, [firstName, lastName, birthDate]: [string, string, string], withAddress: boolean) => ({
      role,
      firstName,
      lastName,
      birthDate,
      nationalNumber: nationalNumber(birthDate, (seq += 2)),
      ...(withAddress ? { address: f.address } : {}),
    });
    const body = {
      protocolId,
      summary: f.summary,
      incident: {
        date: daysFromNow(-3 - FAMILIES.indexOf(f)),
        types: f.types,
        policeReference: `BR.44.L3.${String(100000 + FAMILIES.indexOf(f) * 7919).slice(0, 6)}/${new Date().getUTCFullYear()}`,
      },
      persons: [
        person('VICTIM', f.victim, true),
        person('ALLEGED_PERPETRATOR', f.perpetrator, false),
        ...(f.children ?? []).map((c) => person('CHILD', c, true)),
      ],
      redFlags: f.redFlags,
      informed: true,
      consentGiven: f.target !== 'NEW',
    };
    const r = await api.ok('POST', '/referrals', tok('referrer'), body);
    const caseId = r['caseId'] as string;
    caseIds[f.key] = caseId;
    caseReferences[f.key] = r['reference'] as string;
    const move = (to: string, reason: string) => api.ok('POST', `/cases/${caseId}/transitions`, tok('director'), { to, reason });

    if (f.target === 'DECLINED') {
      await move('AFGESLOTEN', 'No risk factors: referred to the CAW for regular support');
      continue;
    }
    if (!reaches(f, 'COLLECTING')) continue;
    await move('DOSSIERVORMING', 'Accepted for the chain approach: red flags present');
    await api.ok('POST', `/cases/${caseId}/agencies`, tok('director'), { agencyId: agencies.caw });
    if (f.children?.length) await api.ok('POST', `/cases/${caseId}/agencies`, tok('director'), { agencyId: agencies.vk });
    // The referring police contribute everywhere; the CAW is still asked in the family that is collecting.
    await api.ok('POST', `/cases/${caseId}/contributions`, tok('police'), {
      category: 'POLICE_INFORMATION',
      content: 'Three interventions in the last year; the last report mentions visible injuries.',
    });
    if (f.children?.length)
      await api.ok('POST', `/cases/${caseId}/contributions`, tok('vk'), {
        category: 'CHILD_SITUATION',
        content: 'The school reports anxiety and absences; no earlier child protection file.',
      });
    if (!reaches(f, 'READY_TO_WEIGH')) continue;
    await api.ok('POST', `/cases/${caseId}/contributions`, tok('caw'), {
      category: 'WELFARE_SUPPORT',
      content: 'Known to the CAW since last spring; shelter was offered and refused.',
    });
    if (!reaches(f, 'WEIGHING')) continue;
    await move('WEGING', 'Every partner contributed');
    if (!reaches(f, 'READY_FOR_DIRECTION')) continue;
    await api.ok('POST', `/cases/${caseId}/decisions`, tok('director'), {
      type: 'INCLUDE',
      rationale: "High risk: the red flags and the partners' information call for a joint plan.",
    });
    if (!reaches(f, 'DIRECTION')) continue;
    await move('CASUSREGIE', 'Included in the chain approach');
    if (!reaches(f, 'EXECUTION')) continue;
    await api.ok('POST', `/cases/${caseId}/actions`, tok('director'), {
      description: 'Safety plan with the victim',
      ownerAgencyId: agencies.caw,
      dueDate: f.target === 'EXECUTION_OVERDUE' ? daysFromNow(-4) : daysFromNow(10),
      measure: 'SAFETY_PLAN',
    });
    await api.ok('POST', `/cases/${caseId}/actions`, tok('director'), {
      description: 'Follow-up visit by the neighbourhood officer',
      ownerAgencyId: agencies.police,
      dueDate: f.target === 'EXECUTION_OVERDUE' ? daysFromNow(-1) : daysFromNow(3),
      measure: 'FOLLOW_UP_VISIT',
    });
    await move('UITVOERING', 'Action plan agreed');
    if (!reaches(f, 'EVALUATION')) continue;
    const actions = await api.ok('GET', `/cases/${caseId}/actions`, tok('caw'));
    const mine = (actions['items'] as { id: string; version: number; ownerAgencyId: string }[]).find((a) => a.ownerAgencyId === agencies.caw);
    if (mine) await api.ok('PATCH', `/cases/${caseId}/actions/${mine.id}`, tok('caw'), { status: 'DONE', version: mine.version });
    await move('EVALUATIE', 'Safety plan in place: time to evaluate');
  }

  log('a case conference next week…');
  const conference = await api
    .ok('POST', '/conferences', tok('director'), {
      protocolId,
      scheduledAt: nextWeekTuesday(),
      location: 'FJC Brussel, Waterloolaan 70, zaal Atomium',
      caseIds: [caseIds['molenbeek'], caseIds['jette'], caseIds['laken']],
      inviteeUserIds: [session('caw').id, session('police').id, session('vk').id, session('dpo').id].filter(Boolean),
    })
    .catch(async (e: unknown) => {
      // The DPO is not invitable everywhere: without them.
      if (!(e instanceof DemoError)) throw e;
      return api.ok('POST', '/conferences', tok('director'), {
        protocolId,
        scheduledAt: nextWeekTuesday(),
        location: 'FJC Brussel, Waterloolaan 70, zaal Atomium',
        caseIds: [caseIds['molenbeek'], caseIds['jette'], caseIds['laken']],
        inviteeUserIds: [session('caw').id, session('police').id, session('vk').id],
      });
    });
  // The police acknowledged already; the CAW and child protection still have to.
  await api.call('POST', `/conferences/${conference['id'] as string}/acknowledge`, tok('police'), {});

  return { createdAt: new Date().toISOString(), baseUrl: o.baseUrl, accounts, protocolId, conferenceId: conference['id'] as string, caseReferences };
}
