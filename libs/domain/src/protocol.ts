// Lifecycle of an art. 458ter protocol. Only the prosecutor's approval puts a protocol in force,
// and only for its validity window: both conditions gate every new disclosure under it.

import type { ProtocolStatus } from './enums';

export const PROTOCOL_ACTIONS = ['submit', 'approve', 'reject', 'suspend', 'lift'] as const;
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

// A rejected protocol was never in force, so it may be revised and submitted again; an approved
// one never changes (a change is an amendment, a new revision). A suspension can be lifted, with reasons.
const PROTOCOL_STEPS: Record<ProtocolStatus, Partial<Record<ProtocolAction, ProtocolStatus>>> = {
  DRAFT: { submit: 'SUBMITTED' },
  SUBMITTED: { approve: 'APPROVED', reject: 'REJECTED' },
  APPROVED: { suspend: 'SUSPENDED' },
  REJECTED: { submit: 'SUBMITTED' },
  SUSPENDED: { lift: 'APPROVED' },
};

/** A protocol's content may be edited while a draft or after a rejection, never once submitted or approved. */
export function isProtocolEditable(status: ProtocolStatus): boolean {
  return status === 'DRAFT' || status === 'REJECTED';
}

export const LANGUAGE_REGIMES = ['NL', 'FR', 'BILINGUAL'] as const;
export type LanguageRegime = (typeof LANGUAGE_REGIMES)[number];
/** Art. 458ter: a conference rests on a law or decree (e.g. the Flemish Veilig Huis decree) or on the prosecutor's reasoned approval. */
export const PROTOCOL_ROUTES = ['PROSECUTOR', 'DECREE'] as const;
export type ProtocolRoute = (typeof PROTOCOL_ROUTES)[number];

export interface ProtocolModalities {
  /** The checklist a referral is weighed against. */
  inclusionCriteria: string[];
  /** Who chairs the case conference. */
  chair: string;
  /** How and when the persons concerned are informed. */
  informing: string;
  languageRegime: LanguageRegime;
  route: ProtocolRoute;
}

/**
 * Where the approval of a submitted protocol stands. With named approver agencies (Brussels: the
 * NL and the FR prosecution office) every one of them must approve; without, one approval by a
 * liaison of the district suffices.
 */
export function approvalProgress(approverAgencyIds: string[], approvedAgencyIds: string[]): { complete: boolean; pendingAgencyIds: string[] } {
  if (approverAgencyIds.length === 0) return { complete: approvedAgencyIds.length > 0, pendingAgencyIds: [] };
  const pendingAgencyIds = approverAgencyIds.filter((id) => !approvedAgencyIds.includes(id));
  return { complete: pendingAgencyIds.length === 0, pendingAgencyIds };
}

/** Art. 458ter asks for a *reasoned* authorisation: a motivation shorter than this is not one. */
export const MIN_MOTIVATION_LENGTH = 10;

export function checkProtocolTransition(from: ProtocolStatus, action: ProtocolAction): { allowed: boolean; to?: ProtocolStatus } {
  const to = PROTOCOL_STEPS[from]?.[action];
  return to ? { allowed: true, to } : { allowed: false };
}
