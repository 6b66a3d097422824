import { auth } from './sessions';
import type { TestApp } from './test-app';
import { referralBody, type World } from './world';

/** Everything typed into the case: none of it may be readable in a database dump. */
export const TEXT = {
  victimFirst: 'Mireille',
  victimLast: 'Vandersteen',
  perpFirst: 'Gaston',
  perpLast: 'Oosterlinck',
  childFirst: 'Jozefien',
  address: 'Zonnebloemstraat 77',
  phone: '+32 488 99 77 11',
  nationalNumber: '85112233393',
  summary: 'Mireille was choked by Gaston in the kitchen while Jozefien watched.',
  contribution: 'Mireille asked the CAW for a shelter place on Tuesday.',
  evidence: 'Mireille signed the consent form in the Zonnebloem office.',
  withdrawal: 'Gaston threatened Mireille about the consent.',
  notice: 'Informing Gaston would put Mireille in immediate danger.',
  disclosure: 'Gaston is known to the police for weapons possession.',
  personDisclosure: 'The CAW must reach Mireille to plan the safe house.',
  riskNote: 'Mireille says Gaston strangled her twice this month.',
  riskRationale: 'Gaston lost his job and drinks daily, so the level is raised.',
  decision: 'Include because Gaston strangled Mireille in front of Jozefien.',
  action: 'Accompany Mireille to the Zonnebloem shelter intake.',
  transition: 'Accepted after the call with Mireille about Gaston.',
  waiver: 'The CGG has never met Gaston and waives its contribution.',
  minutes: 'Mireille moved to the shelter; Gaston received a contact ban.',
  minutesRationale: 'Strangulation of Mireille with Jozefien present.',
  evaluation: 'Mireille feels safe again and Gaston follows the programme.',
  request: 'We need to reach Mireille for the safety plan visit.',
};

export interface FullCase {
  caseId: string;
  victimId: string;
  conferenceId: string;
}

/**
 * One case walked through the whole chain over HTTP, with free text in every field that takes some and
 * a row in every table that holds case data (persons, relationship, contribution, consent, notice,
 * disclosure, person disclosure and request, risk assessment, waiver, conference minutes, decision,
 * action, evaluation, timeline), then closed.
 */
export async function walkFullCase(t: TestApp, w: World): Promise<FullCase> {
  const http = () => t.http();
  let caseId = '';
  const move = (to: string, reason = TEXT.transition) =>
    http().post(`/api/v1/cases/${caseId}/transitions`).set(auth(w.director.token)).send({ to, reason }).expect(200);
  const r = await http()
    .post('/api/v1/referrals')
    .set(auth(w.referrer.token))
    .send(
      referralBody(w.protocolId, {
        summary: TEXT.summary,
        persons: [
          {
            role: 'VICTIM',
            firstName: TEXT.victimFirst,
            lastName: TEXT.victimLast,
            birthDate: '1985-11-22',
            nationalNumber: TEXT.nationalNumber,
            address: TEXT.address,
            phone: TEXT.phone,
            informed: true,
            consentGiven: true,
          },
          { role: 'ALLEGED_PERPETRATOR', firstName: TEXT.perpFirst, lastName: TEXT.perpLast, informed: false, consentGiven: false },
          { role: 'CHILD', firstName: TEXT.childFirst, lastName: TEXT.perpLast, birthDate: '2019-06-01' },
        ],
      }),
    )
    .expect(201);
  caseId = r.body.caseId;
  await move('DOSSIERVORMING');
  for (const agencyId of [w.agencies.caw, w.agencies.outsider])
    await http().post(`/api/v1/cases/${caseId}/agencies`).set(auth(w.director.token)).send({ agencyId }).expect(201);
  const detail = await http().get(`/api/v1/cases/${caseId}`).set(auth(w.director.token)).expect(200);
  const victimId: string = detail.body.persons.find((p: { role: string }) => p.role === 'VICTIM').id;
  const perpId = detail.body.persons.find((p: { role: string }) => p.role === 'ALLEGED_PERPETRATOR').id;
  await http()
    .post(`/api/v1/cases/${caseId}/relationships`)
    .set(auth(w.director.token))
    .send({ fromPersonId: perpId, toPersonId: victimId, type: 'PARTNER', violence: 'ONE_WAY' })
    .expect(201);

  const c = await http()
    .post(`/api/v1/cases/${caseId}/contributions`)
    .set(auth(w.cawMember.token))
    .send({ category: 'WELFARE_SUPPORT', content: TEXT.contribution })
    .expect(201);
  const consent = await http()
    .post(`/api/v1/cases/${caseId}/consents`)
    .set(auth(w.cawMember.token))
    .send({
      personId: victimId,
      status: 'GIVEN',
      method: 'WRITTEN',
      scope: { agencyIds: [w.agencies.police], dataCategories: ['WELFARE_SUPPORT'] },
      evidence: TEXT.evidence,
    })
    .expect(201);
  await http().post(`/api/v1/cases/${caseId}/consents/${consent.body.id}/withdraw`).set(auth(w.cawMember.token)).send({ reason: TEXT.withdrawal }).expect(200);
  await http()
    .post(`/api/v1/cases/${caseId}/notices`)
    .set(auth(w.cawMember.token))
    .send({ personId: perpId, withheld: true, justification: TEXT.notice })
    .expect(201);
  await http()
    .post(`/api/v1/cases/${caseId}/contributions/${c.body.id}/disclosures`)
    .set(auth(w.cawMember.token))
    .send({ toAgencyIds: [w.agencies.police], legalBasis: 'ART_458TER', justification: TEXT.disclosure })
    .expect(201);
  const req = await http()
    .post(`/api/v1/cases/${caseId}/persons/${victimId}/data-requests`)
    .set(auth(w.cawMember.token))
    .send({ categories: ['CONTACT'], reason: TEXT.request })
    .expect(201);
  await http()
    .post(`/api/v1/cases/${caseId}/persons/${victimId}/disclosures`)
    .set(auth(w.director.token))
    .send({ toAgencyIds: [w.agencies.caw], categories: ['CONTACT'], legalBasis: 'ART_458TER', justification: TEXT.personDisclosure, requestId: req.body.id })
    .expect(201);
  await http()
    .post(`/api/v1/cases/${caseId}/risk-assessments`)
    .set(auth(w.cawMember.token))
    .send({
      instrument: 'veilig-huis-ifg',
      version: 1,
      personId: victimId,
      level: 'VERY_HIGH',
      levelRationale: TEXT.riskRationale,
      answers: { RF08: { value: 'yes', source: 'VICTIM', note: TEXT.riskNote } },
    })
    .expect(201);
  await http().post(`/api/v1/cases/${caseId}/agencies/${w.agencies.outsider}/waiver`).set(auth(w.director.token)).send({ reason: TEXT.waiver }).expect(200);

  const conf = await http()
    .post('/api/v1/conferences')
    .set(auth(w.director.token))
    .send({
      protocolId: w.protocolId,
      scheduledAt: '2026-12-14T14:00:00+01:00',
      location: 'FJC Antwerpen, zaal 2',
      caseIds: [caseId],
      inviteeUserIds: [w.cawMember.id],
    })
    .expect(201);
  const conferenceId: string = conf.body.id;
  await http().post(`/api/v1/conferences/${conferenceId}/acknowledge`).set(auth(w.cawMember.token)).send({}).expect(200);
  await http().post(`/api/v1/conferences/${conferenceId}/start`).set(auth(w.director.token)).send({}).expect(200);
  await http()
    .put(`/api/v1/conferences/${conferenceId}/items/${caseId}/minutes`)
    .set(auth(w.director.token))
    .send({
      minutes: TEXT.minutes,
      attendance: [
        { userId: w.director.id, present: true },
        { userId: w.cawMember.id, present: true },
      ],
      decisions: [{ type: 'INCLUDE', rationale: TEXT.minutesRationale }],
    })
    .expect(200);
  await http().post(`/api/v1/conferences/${conferenceId}/close`).set(auth(w.director.token)).send({}).expect(200);

  await move('WEGING');
  await http()
    .post(`/api/v1/cases/${caseId}/decisions`)
    .set(auth(w.director.token))
    .send({ type: 'INCLUDE', rationale: TEXT.decision, conferenceId })
    .expect(201);
  await move('CASUSREGIE');
  const a = await http()
    .post(`/api/v1/cases/${caseId}/actions`)
    .set(auth(w.director.token))
    .send({ description: TEXT.action, ownerAgencyId: w.agencies.caw, dueDate: '2030-01-10', measure: 'SHELTER' })
    .expect(201);
  await move('UITVOERING');
  await http().patch(`/api/v1/cases/${caseId}/actions/${a.body.id}`).set(auth(w.cawMember.token)).send({ status: 'DONE', version: a.body.version }).expect(200);
  await move('EVALUATIE');
  await http().post(`/api/v1/cases/${caseId}/evaluations`).set(auth(w.director.token)).send({ outcome: 'CLOSE', summary: TEXT.evaluation }).expect(201);
  await move('AFGESLOTEN');

  return { caseId, victimId, conferenceId };
}
