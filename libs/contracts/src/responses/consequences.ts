import { z } from 'zod/mini';
import { int } from './schema';

// GET /protocols|cases|agencies|users/:id/consequences (api-extensions.md, "Consequences"): the counts a
// confirmation shows before a wide-reaching command.

/** What suspending, lifting, rejecting or approving a protocol touches. */
export const protocolConsequencesSchema = z.strictObject({
  /** Cases under the protocol that are not closed: they cannot share while it is suspended. */
  openCases: int(),
  /** Conferences under the protocol not closed yet. */
  openConferences: int(),
  signatories: int(),
});
export type ProtocolConsequences = z.infer<typeof protocolConsequencesSchema>;

/** What closing a case leaves behind. */
export const caseConsequencesSchema = z.strictObject({
  /** Actions still open: closing leaves them undone. */
  openActions: int(),
  /** Of those, past their due date. */
  overdueActions: int(),
  /** Invited agencies that have not contributed and were not waived. */
  pendingContributions: int(),
  /** Data requests about persons of the case not answered yet. */
  openDataRequests: int(),
  /** Conferences not closed that have the case on their agenda. */
  upcomingConferences: int(),
  /** Consents in force: sharing under them stops with the case. */
  activeConsents: int(),
  /** Agencies taking part in the case (the director's included). */
  agencies: int(),
});
export type CaseConsequences = z.infer<typeof caseConsequencesSchema>;

/** What deactivating an agency touches. */
export const agencyConsequencesSchema = z.strictObject({
  /** Active accounts of the agency: deactivating it stops their sign-in. */
  activeUsers: int(),
  /** Open cases the agency takes part in. */
  openCases: int(),
  approvedProtocols: int(),
});
export type AgencyConsequences = z.infer<typeof agencyConsequencesSchema>;

/** What deactivating an account touches. */
export const userConsequencesSchema = z.strictObject({
  /** Open cases the user directs: they need a new case director. */
  directedOpenCases: int(),
  /** Conferences the user chairs that are not closed. */
  chairedOpenConferences: int(),
  /** Sessions that deactivation ends. */
  activeSessions: int(),
});
export type UserConsequences = z.infer<typeof userConsequencesSchema>;
