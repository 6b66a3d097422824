import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { Action, Actor, SubjectType } from './subjects';

export type AppAbility = MongoAbility<[Action, SubjectType | ({ __typename?: SubjectType } & Record<string, unknown>)], MongoQuery>;

/**
 * The one ability factory of Schakel, used by the API (guard + row checks + SQL scoping) and by
 * the SPA (from the packed rules of GET /me). Deny by default: what is not granted here is refused.
 * Administrators manage accounts and agencies and get no rule on any case content.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  const roles = new Set(actor.roles);
  const myAgency = actor.agencyId;

  if (roles.has('admin')) {
    can('manage', 'Agency');
    can('manage', 'User');
    // api.md: every user may list protocols (their agency's); protocols are not case content.
    can('read', 'Protocol', { agencyIds: myAgency });
  }

  // Everybody who works with cases can list the agencies (to pick invitees) and read the protocols they signed.
  const caseWorker = ['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo'].some((r) => roles.has(r as never));
  if (caseWorker) {
    can('read', 'Agency');
    can('read', 'Protocol', { agencyIds: myAgency });
    // Confidentiality per protocol (458ter §2): each user of a signatory acknowledges for themselves.
    can('acknowledge', 'Protocol', { agencyIds: myAgency });
  }

  if (roles.has('case_director')) {
    can('create', 'Protocol');
    can('update', 'Protocol', { agencyIds: myAgency, status: 'DRAFT' });
    can('submit', 'Protocol', { agencyIds: myAgency, status: 'DRAFT' });
    // A rejected protocol is revised and submitted again.
    can(['update', 'submit'], 'Protocol', { agencyIds: myAgency, status: 'REJECTED' });
    can('refer', 'Case');
    // Reading: the case team rule below (director and deputies) and the agency_member rules (granted to directors too).
    // Referrals not yet accepted wait for a case director of an agency that signed their protocol.
    can(['read', 'transition'], 'Case', { protocolAgencyIds: myAgency, directorId: null as never });
    // A referral declined at intake has no team yet: the directors who could decline it may reopen it.
    can('reopen', 'Case', { protocolAgencyIds: myAgency, directorId: null as never });
    // The case team (director and deputies) directs the case; deputies act exactly like the director.
    can(['read', 'transition', 'invite', 'decide', 'evaluate', 'update', 'handover', 'reopen'], 'Case', { teamIds: actor.id });
    // A director of the same agency takes over a case whose director's account was deactivated.
    can('handover', 'Case', { directorAgencyId: myAgency, directorActive: false });
    // Persons and relationships after referral: the case director (see also the referring agency below).
    can(['create', 'update'], 'Person', { directorId: actor.id });
    can('read', 'Statistics');
    can('create', 'Conference');
    can('read', 'Conference', { chairId: actor.id });
    can('chair', 'Conference', { chairId: actor.id });
  }

  // The referring agency adds later incidents (date, forms, PV number) to its referral.
  if (roles.has('referrer') || roles.has('agency_member') || roles.has('case_director')) {
    can('report', 'Case', { referringAgencyId: myAgency });
  }

  if (roles.has('referrer')) {
    can('refer', 'Case');
    // A referrer follows what they referred: reference and stage only, never the content.
    can('read', 'Case', ['id', 'reference', 'stage', 'createdAt', 'closureReason'], { referrerId: actor.id });
  }

  if (roles.has('referrer') || roles.has('agency_member') || roles.has('case_director')) {
    // The referring agency adds a child discovered later, or corrects a birth date.
    can(['create', 'update'], 'Person', { referringAgencyId: myAgency });
  }

  if (roles.has('agency_member') || roles.has('case_director')) {
    can('read', 'Case', { agencyIds: myAgency });
    can('read', 'Person', { caseAgencyIds: myAgency });
    // Whether the caller's agency holds the file (and so may share it) is decided by libs/domain person-compartments.
    can(['share', 'request'], 'Person', { caseAgencyIds: myAgency });
    can('create', 'Contribution', { caseAgencyIds: myAgency });
    can('read', 'Contribution', { caseAgencyIds: myAgency, agencyId: myAgency });
    can('read', 'Contribution', { caseAgencyIds: myAgency, sharedWithAgencyIds: myAgency });
    can('share', 'Contribution', { caseAgencyIds: myAgency, agencyId: myAgency });
    can(['create', 'read', 'withdraw'], 'Consent', { caseAgencyIds: myAgency });
    can(['create', 'read'], 'RiskAssessment', { caseAgencyIds: myAgency });
    can(['create', 'read'], 'Action', { caseAgencyIds: myAgency });
    // Only the owning agency and the case team change an action (and so lift the evaluation guard).
    can('update', 'Action', { caseAgencyIds: myAgency, ownerAgencyId: myAgency });
    can('update', 'Action', { caseAgencyIds: myAgency, caseTeamIds: actor.id });
    can('read', 'SharingLog', { caseAgencyIds: myAgency });
    can('acknowledge', 'Conference', { inviteeIds: actor.id });
    can('read', 'Conference', { inviteeIds: actor.id });
  }

  if (roles.has('prosecutor_liaison')) {
    can('read', 'Protocol', { district: actor.district });
    can(['approve', 'reject', 'suspend', 'lift'], 'Protocol', { district: actor.district });
    // A protocol may name the prosecution offices that must approve it (Brussels: NL and FR office).
    can(['read', 'approve', 'reject'], 'Protocol', { approverAgencyIds: myAgency });
    can('read', 'DisclosureReview', { district: actor.district });
    can('read', 'ProtocolAccessList', { district: actor.district });
    // The district's prosecutor liaison may be invited to a conference (libs/domain mayAttendConference).
    can(['acknowledge', 'read'], 'Conference', { inviteeIds: actor.id });
    can('read', 'SharingLog', { district: actor.district });
    can(['verify', 'export'], 'SharingLog');
    // The parket witnesses the log: registers its key and cosigns checkpoints (ADR 0006).
    can('witness', 'SharingLog');
    can('read', 'Statistics');
  }

  if (roles.has('dpo')) {
    can('read', 'Protocol');
    can(['read', 'create'], 'DisclosureReview');
    can('read', 'ProtocolAccessList');
    can(['read', 'verify', 'export'], 'SharingLog');
    can('read', 'AccessLog');
    can('read', 'LoginAudit');
    can('read', 'Statistics');
    // GDPR art. 30: the record of processing, generated from the protocols.
    can('read', 'ProcessingRecord');
    can('hold', 'Case');
    // GDPR art. 17 / 15: erasure order (where no legal hold) and a person's own export.
    can('erase', 'Case');
    can('export', 'Person');
  }

  return build({ detectSubjectType: (o) => (o as { __typename: SubjectType }).__typename });
}
