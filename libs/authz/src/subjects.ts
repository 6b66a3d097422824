import type { Role } from '@schakel/domain';

export const ACTIONS = [
  'manage',
  'create',
  'read',
  'update',
  'refer',
  'submit',
  'approve',
  'reject',
  'suspend',
  'transition',
  'invite',
  'decide',
  'evaluate',
  'share',
  'withdraw',
  'verify',
  'export',
  'hold',
  'acknowledge',
  'chair',
  'lift',
  'erase',
  'request',
  'witness',
  'handover',
  'reopen',
  'report',
] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Agency',
  'User',
  'Protocol',
  'Case',
  'Person',
  'Contribution',
  'Consent',
  'Disclosure',
  'SharingLog',
  'AccessLog',
  'LoginAudit',
  'Conference',
  'Action',
  'Statistics',
  'RiskAssessment',
  'ProcessingRecord',
  'DisclosureReview',
  'ProtocolAccessList',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

/** What the ability needs to know about the caller. */
export interface Actor {
  id: string;
  agencyId: string;
  district: string;
  roles: Role[];
}

/**
 * Plain records checked by the service after loading a row. Field names are the ones the rules
 * use; `rulesToSql` maps the same names to SQL for list queries.
 */
/** `teamIds`: the director and the deputies; `directorAgencyId`/`directorActive` are loaded for a take-over only. */
export interface CaseRecord {
  id: string;
  agencyIds: string[];
  directorId: string | null;
  teamIds: string[];
  referrerId: string | null;
  referringAgencyId: string;
  district: string;
  directorAgencyId?: string | null;
  directorActive?: boolean;
}
export interface ProtocolRecord {
  id: string;
  district: string;
  agencyIds: string[];
  status: string;
  createdById?: string;
  approverAgencyIds?: string[];
}
export interface ContributionRecord {
  id: string;
  caseAgencyIds: string[];
  agencyId: string;
  sharedWithAgencyIds: string[];
}
export interface SharingLogRecord {
  district: string;
  caseAgencyIds: string[];
}
