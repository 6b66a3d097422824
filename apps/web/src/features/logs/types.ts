import type { Agency as ContractAgency } from '@schakel/contracts';

// Shapes of /sharing-log, /access-log and /login-audit (api.md "Logs").

export type { SharingLogEntry } from '@schakel/contracts';

export type { AccessLogEntry, ChainVerdict } from '@schakel/contracts';

export type { LoginAuditEntry } from '@schakel/contracts';

/** An agency as the log screens name it. */
export type Agency = Pick<ContractAgency, 'id' | 'name'>;

export interface ProtocolOption {
  id: string;
  title: string;
  district: string;
  revision: number;
}
