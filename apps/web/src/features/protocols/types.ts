import type { AgencyType, DataCategory, ProtocolStatus } from '@schakel/domain';

// Shapes of /protocols (api.md "Protocols (art. 458ter)").

export interface Protocol {
  id: string;
  title: string;
  district: string;
  purpose: string;
  agencyIds: string[];
  dataCategories: DataCategory[];
  retentionMonths: number;
  validFrom: string;
  validUntil: string | null;
  status: ProtocolStatus;
  inForce: boolean;
  /** The prosecutor's reference of the approval. */
  reference: string | null;
  decisionReason: string | null;
  revision: number;
  amendsId: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  version: number;
  createdAt: string;
  /** The motivation of the approval that put it in force (art. 458ter: a reasoned authorisation). */
  motivation?: string | null;
  /** Prosecution offices that must all approve; empty: one liaison of the district. */
  approverAgencyIds?: string[];
  modalities?: ProtocolModalities | null;
  approvals?: { agencyId: string; reference: string; motivation: string; approvedBy: string; approvedAt: string }[];
  pendingApproverAgencyIds?: string[];
  events?: { at: string; type: string; actorId: string | null; reason: string | null }[];
}

export interface ProtocolModalities {
  inclusionCriteria: string[];
  chair: string;
  informing: string;
  languageRegime: 'NL' | 'FR' | 'BILINGUAL';
  route: 'PROSECUTOR' | 'DECREE';
}

export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
  district: string;
  active: boolean;
  version: number;
}
