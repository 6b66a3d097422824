// Lifecycle of an art. 458ter protocol. Only the prosecutor's approval puts a protocol in force,
// and only for its validity window: both conditions gate every new disclosure under it.

import type { ProtocolStatus } from './enums';

export const PROTOCOL_ACTIONS = ['submit', 'approve', 'reject', 'suspend'] as const;
export type ProtocolAction = (typeof PROTOCOL_ACTIONS)[number];

export interface ProtocolValidity {
  status: ProtocolStatus;
  validFrom: string;
  validUntil: string | null;
}

/** True when sharing under the protocol is lawful on `today` (all dates YYYY-MM-DD, bounds inclusive). */
export function isProtocolInForce(p: ProtocolValidity, today: string): boolean {
  return p.status === 'APPROVED' && p.validFrom <= today && (p.validUntil === null || today <= p.validUntil);
}

// REJECTED and SUSPENDED are final: a changed protocol is a new draft, so the version the
// prosecutor approved stays exactly what was approved.
const PROTOCOL_STEPS: Record<ProtocolStatus, Partial<Record<ProtocolAction, ProtocolStatus>>> = {
  DRAFT: { submit: 'SUBMITTED' },
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED' },
  APPROVED: { suspend: 'SUSPENDED' },
  REJECTED: {},
  SUSPENDED: {},
};

export function checkProtocolTransition(
  from: ProtocolStatus,
  action: ProtocolAction,
): { allowed: boolean; to?: ProtocolStatus } {
  const to = PROTOCOL_STEPS[from]?.[action];
  return to ? { allowed: true, to } : { allowed: false };
}
