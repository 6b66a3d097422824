import type { DataCategory, LegalBasis } from '@schakel/domain';
import type { Agency as ContractAgency } from '@schakel/contracts';

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

export type { AccessLogEntry, ChainVerdict } from '@schakel/contracts';

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

/** An agency as the log screens name it. */
export type Agency = Pick<ContractAgency, 'id' | 'name'>;

export interface ProtocolOption {
  id: string;
  title: string;
  district: string;
  revision: number;
}
