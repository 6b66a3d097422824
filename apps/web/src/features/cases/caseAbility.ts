import { asSubject, type AppAbility } from '@schakel/authz';
import type { Me } from '../me/api/me';
import type { CaseDetail } from './types';

export interface CasePermissions {
  /** Move the case along the chain, record waivers (the case director, or any case director while a referral awaits acceptance). */
  transition: boolean;
  invite: boolean;
  decide: boolean;
  evaluate: boolean;
  /** The user's agency is a partner in the case and their roles let them work in it. */
  contribute: boolean;
  readContributions: boolean;
  shareOwn: boolean;
  readConsents: boolean;
  recordConsent: boolean;
  withdrawConsent: boolean;
  readActions: boolean;
  createAction: boolean;
  updateAction: boolean;
  readRisk: boolean;
  assessRisk: boolean;
  /** Add and correct persons and relationships: the case director and the referring agency. */
  editPersons: boolean;
  /** Ask the file holders for a person's withheld details. */
  requestPersonData: boolean;
  /** Hand the case over or manage its deputies (the case team). */
  handover: boolean;
  /** Reopen the closed case (the case team; the API checks the window). */
  reopen: boolean;
  /** Change this action: its owning agency and the case team (the API answers 403 NOT_ACTION_OWNER otherwise). */
  updateActionOwnedBy: (ownerAgencyId: string | null) => boolean;
}

/**
 * What the signed-in user may do on this case, from the same CASL rules the API enforces. The
 * case view does not carry the protocol's signatories: a referral waiting for acceptance is
 * visible to a case director only through their agency's signature (or their agency's part in
 * the case, which also requires it), so for such a case their agency stands in for that list.
 */
export function casePermissions(ability: AppAbility, c: CaseDetail, me: Me | undefined): CasePermissions {
  const myAgency = me?.agency.id ?? '';
  const agencyIds = c.agencies.map((a) => a.id);
  const subject = asSubject('Case', {
    id: c.id,
    agencyIds,
    directorId: c.directorId,
    teamIds: [c.directorId, ...(c.deputyIds ?? [])].filter(Boolean),
    referrerId: c.referrerId,
    referringAgencyId: c.referringAgencyId,
    protocolAgencyIds: c.directorId === null ? [myAgency] : [],
  });
  const sub = (type: 'Contribution' | 'Consent' | 'Action' | 'RiskAssessment', extra: Record<string, unknown> = {}) =>
    asSubject(type, { caseAgencyIds: agencyIds, ...extra });
  const open = c.stage !== 'AFGESLOTEN';
  return {
    transition: open && ability.can('transition', subject),
    invite: open && ability.can('invite', subject),
    decide: open && ability.can('decide', subject),
    evaluate: open && ability.can('evaluate', subject),
    contribute: open && ability.can('create', sub('Contribution')),
    readContributions: ability.can('read', sub('Contribution', { agencyId: myAgency, sharedWithAgencyIds: [] })),
    shareOwn: open && ability.can('share', sub('Contribution', { agencyId: myAgency, sharedWithAgencyIds: [] })),
    readConsents: ability.can('read', sub('Consent')),
    recordConsent: open && ability.can('create', sub('Consent')),
    withdrawConsent: ability.can('withdraw', sub('Consent')),
    readActions: ability.can('read', sub('Action')),
    createAction: open && ability.can('create', sub('Action')),
    updateAction:
      open && ability.can('update', sub('Action', { ownerAgencyId: myAgency, caseTeamIds: [c.directorId, ...(c.deputyIds ?? [])].filter(Boolean) })),
    readRisk: ability.can('read', sub('RiskAssessment')),
    assessRisk: open && ability.can('create', sub('RiskAssessment')),
    editPersons:
      open && ability.can('create', asSubject('Person', { caseAgencyIds: agencyIds, directorId: c.directorId, referringAgencyId: c.referringAgencyId })),
    requestPersonData: open && ability.can('request', asSubject('Person', { caseAgencyIds: agencyIds })),
    handover: open && ability.can('handover', subject),
    reopen: !open && ability.can('reopen', subject),
    updateActionOwnedBy: (ownerAgencyId) =>
      open && ability.can('update', sub('Action', { ownerAgencyId, caseTeamIds: [c.directorId, ...(c.deputyIds ?? [])].filter(Boolean) })),
  };
}
