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
}

export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
  district: string;
  active: boolean;
  version: number;
}
