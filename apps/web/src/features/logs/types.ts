import type { DataCategory, LegalBasis } from '@schakel/domain';

// Shapes of /sharing-log, /access-log and /login-audit (api.md "Logs").

export interface SharingLogEntry {
  seq: number;
  at: string;
  caseId: string;
  protocolId: string;
  contributionId: string | null;
  fromAgencyId: string;
  fromUserId: string;
  toAgencyIds: string[];
  legalBasis: LegalBasis;
  categories: DataCategory[];
  justification: string | null;
  consentId: string | null;
  /** The article that applied (entries written from the second round on). */
  legalReference?: string | null;
  prevHash: string;
  hash: string;
  fromAgency: { id: string; name: string | null };
  toAgencies: { id: string; name: string | null }[];
  caseReference: string | null;
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  firstBrokenSeq?: number;
  reason?: string;
  treeSize?: number;
  rootHash?: string;
  checkpoint: { seq: number; at: string; valid: boolean | null } | null;
}

export interface AccessLogEntry {
  id: string;
  at: string;
  userId: string;
  userDisplayName: string | null;
  agencyId: string;
  caseId: string;
  caseReference: string | null;
  resource: string;
  resourceId: string | null;
}

export interface LoginAuditEntry {
  id: string;
  at: string;
  event: string;
  userId: string | null;
  userDisplayName: string | null;
  actorId: string | null;
  actorDisplayName: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface Agency {
  id: string;
  name: string;
}

export interface ProtocolOption {
  id: string;
  title: string;
  district: string;
  revision: number;
}
