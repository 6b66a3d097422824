import { adminSession, auth, createAgency, userSession, type Session } from './sessions';
import type { HttpTarget } from './test-app';

export interface World {
  admin: Session;
  agencies: Record<'police' | 'caw' | 'fjc' | 'outsider' | 'nonSignatory' | 'prosecution', string>;
  director: Session;
  referrer: Session;
  cawMember: Session;
  policeMember: Session;
  outsider: Session;
  liaison: Session;
  dpo: Session;
  protocolId: string;
}

/** A district with its agencies, people and an approved 458ter protocol, built through the API. */
export async function buildWorld(t: HttpTarget): Promise<World> {
  const admin = await adminSession(t);
  const mk = (name: string, type: string, district = 'Antwerpen') => createAgency(t, admin, { name, type, district }).then((a) => a.id);
  const agencies = {
    police: await mk('PZ Antwerpen', 'POLICE'),
    caw: await mk('CAW Antwerpen', 'CAW'),
    fjc: await mk('FJC Antwerpen', 'FAMILY_JUSTICE_CENTRE'),
    outsider: await mk('CGG Antwerpen', 'MENTAL_HEALTH'),
    nonSignatory: await mk('Justitiehuis Antwerpen', 'JUSTICE_HOUSE'),
    prosecution: await mk('Parket Antwerpen', 'PROSECUTION'),
  };
  const director = await userSession(t, admin, agencies.fjc, ['case_director']);
  const referrer = await userSession(t, admin, agencies.police, ['referrer']);
  const cawMember = await userSession(t, admin, agencies.caw, ['agency_member']);
  const policeMember = await userSession(t, admin, agencies.police, ['agency_member']);
  const outsider = await userSession(t, admin, agencies.outsider, ['agency_member']);
  const liaison = await userSession(t, admin, agencies.prosecution, ['prosecutor_liaison']);
  const dpo = await userSession(t, admin, agencies.fjc, ['dpo']);

  const protocol = await t
    .http()
    .post('/api/v1/protocols')
    .set(auth(director.token))
    .send({
      title: 'Casusoverleg IFG Antwerpen',
      district: 'Antwerpen',
      purpose: 'Multi-agency case conferences on high-risk partner violence',
      agencyIds: [agencies.police, agencies.caw, agencies.outsider],
      dataCategories: ['IDENTIFICATION', 'POLICE_INFORMATION', 'WELFARE_SUPPORT', 'RISK_ASSESSMENT', 'CHILD_SITUATION'],
      retentionMonths: 60,
      validFrom: '2026-01-01',
      validUntil: '2030-12-31',
    })
    .expect(201);
  await t.http().post(`/api/v1/protocols/${protocol.body.id}/submit`).set(auth(director.token)).send({}).expect(200);
  await t.http().post(`/api/v1/protocols/${protocol.body.id}/approve`).set(auth(liaison.token)).send(approval('PK/2026/458ter/001')).expect(200);
  // Partners acknowledge the protocol's confidentiality statement before they see case content (issue 9).
  await acknowledgeProtocol(t, protocol.body.id, [director, cawMember, policeMember, outsider]);
  return { admin, agencies, director, referrer, cawMember, policeMember, outsider, liaison, dpo, protocolId: protocol.body.id };
}

/** An approval body: art. 458ter asks for a reasoned authorisation, so every approval carries a motivation. */
export function approval(reference: string) {
  return { reference, motivation: 'Purpose, participants and modalities meet art. 458ter; proportionate to the risk of partner violence.' };
}

/** Each user acknowledges the confidentiality statement of the protocol (needed by partners before reading a case). */
export async function acknowledgeProtocol(t: HttpTarget, protocolId: string, users: Session[]): Promise<void> {
  for (const u of users) await t.http().post(`/api/v1/protocols/${protocolId}/acknowledgements`).set(auth(u.token)).send({}).expect(201);
}

export function referralBody(protocolId: string, over: Record<string, unknown> = {}) {
  return {
    protocolId,
    summary: 'Repeated violence at home; victim strangled last night, two young children present.',
    incident: { date: '2026-11-20', types: ['PHYSICAL', 'PSYCHOLOGICAL'], policeReference: 'AN.12.L1.123456/2026' },
    persons: [
      {
        role: 'VICTIM',
        firstName: 'Élise',
        lastName: 'Van den Broeck',
        birthDate: '1991-03-14',
        nationalNumber: '91.03.14-123.31',
        address: 'Kerkstraat 1, 2000 Antwerpen',
      },
      { role: 'ALLEGED_PERPETRATOR', firstName: 'Marc', lastName: 'Janssens', birthDate: '1988-07-02' },
      { role: 'CHILD', firstName: 'Noor', lastName: 'Janssens', birthDate: '2020-05-09' },
    ],
    redFlags: ['RF08', 'RF13', 'RF04'],
    informed: true,
    consentGiven: false,
    ...over,
  };
}
