import {
  AGENCY_TYPES,
  CLOSURE_REASONS,
  DECISION_TYPES,
  PERSON_ROLES,
  PROTOCOL_STATUSES,
  RED_FLAG_CODES,
  RISK_LEVELS,
  STAGES,
  VIOLENCE_FORMS,
} from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, listOf, nullable, optional, pageOf, timestamp, uuid } from './schema';
import { personSchema } from './persons';

// /cases and the endpoints below it (api.md "Cases and the chain").

export const caseIncidentSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  date: isoDate(),
  types: z.array(z.enum(VIOLENCE_FORMS)),
  policeReference: nullable(z.string()),
  agencyId: uuid(),
  addedBy: uuid(),
  createdAt: timestamp(),
});
export type CaseIncident = z.infer<typeof caseIncidentSchema>;

const limitedBase = {
  id: uuid(),
  reference: z.string(),
  stage: z.enum(STAGES),
  closureReason: nullable(z.enum(CLOSURE_REASONS)),
  createdAt: timestamp(),
};

/** What a referrer following up sees: the reference and where the case is, nothing about the family. */
export const limitedCaseSchema = z.strictObject({
  ...limitedBase,
  limited: z.literal(true),
  /** Present for an urgent referral only. */
  urgent: optional(z.boolean()),
  triageDueAt: optional(nullable(timestamp())),
  triagedAt: optional(nullable(timestamp())),
  /** Once closed: why, in the closing director's words. */
  outcome: optional(z.strictObject({ closureReason: nullable(z.enum(CLOSURE_REASONS)), reason: nullable(z.string()), at: nullable(timestamp()) })),
  /** The incidents the caller's agency added, when there are any. */
  incidents: optional(z.array(caseIncidentSchema)),
});
export type LimitedCase = z.infer<typeof limitedCaseSchema>;

/** A partner who has not confirmed the protocol's confidentiality statement: reference, stage and roles only. */
export const unacknowledgedCaseSchema = z.strictObject({
  ...limitedBase,
  limited: z.literal(true),
  confidentiality: z.strictObject({ acknowledged: z.literal(false), protocolId: uuid(), protocolTitle: z.string() }),
  agencies: z.array(z.strictObject({ id: uuid(), role: z.enum(['REFERRER', 'DIRECTOR', 'INVITED']) })),
  persons: z.array(z.strictObject({ id: uuid(), role: z.enum(PERSON_ROLES), limited: z.literal(true) })),
});
export type UnacknowledgedCase = z.infer<typeof unacknowledgedCaseSchema>;

const summaryShape = {
  ...limitedBase,
  limited: z.literal(false),
  protocolId: uuid(),
  riskLevel: nullable(z.enum(RISK_LEVELS)),
  repeatReferral: z.boolean(),
  redFlags: z.array(z.enum(RED_FLAG_CODES)),
  directorId: nullable(uuid()),
  referrerId: nullable(uuid()),
  referringAgencyId: nullable(uuid()),
  stageEnteredAt: timestamp(),
  version: int(),
  deputyIds: z.array(uuid()),
  urgent: z.boolean(),
  triageDueAt: nullable(timestamp()),
  triagedAt: nullable(timestamp()),
  reopenedAt: nullable(timestamp()),
  urgentConferenceRequestedAt: nullable(timestamp()),
};
/** A case whose content the caller may see, as lists and chain steps return it. */
export const caseSummarySchema = z.strictObject(summaryShape);
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** The limited form (`limited: true`) when the caller follows the case by reference only. */
export const caseListItemSchema = z.union([caseSummarySchema, z.strictObject({ ...limitedBase, limited: z.literal(true) })]);
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export const caseListPageSchema = pageOf(caseListItemSchema);

export const teamMemberSchema = z.strictObject({
  userId: uuid(),
  displayName: nullable(z.string()),
  agencyId: nullable(uuid()),
  active: z.boolean(),
  role: z.enum(['DIRECTOR', 'DEPUTY']),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;
export const caseTeamSchema = z.strictObject({ director: nullable(teamMemberSchema), deputies: z.array(teamMemberSchema) });
export type CaseTeam = z.infer<typeof caseTeamSchema>;

export const CASE_AGENCY_ROLES = ['REFERRER', 'DIRECTOR', 'INVITED'] as const;
export type CaseAgencyRole = (typeof CASE_AGENCY_ROLES)[number];
export const caseAgencySchema = z.strictObject({
  id: uuid(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  role: z.enum(CASE_AGENCY_ROLES),
  contributionWaived: z.boolean(),
  /** The agency recorded at least one contribution in this case (what it holds is not said). */
  contributed: optional(z.boolean()),
});
export type CaseAgency = z.infer<typeof caseAgencySchema>;

/** GET /cases/:id for a caller who may see the content. */
export const caseDetailSchema = z.strictObject({
  ...summaryShape,
  summary: z.string(),
  incident: z.strictObject({ date: isoDate(), types: z.array(z.enum(VIOLENCE_FORMS)), policeReference: nullable(z.string()) }),
  informed: z.boolean(),
  consentGiven: z.boolean(),
  legalHold: z.boolean(),
  closedAt: nullable(timestamp()),
  updatedAt: timestamp(),
  protocol: z.strictObject({
    id: uuid(),
    title: z.string(),
    reference: nullable(z.string()),
    status: z.enum(PROTOCOL_STATUSES),
    inForce: z.boolean(),
    agencyIds: z.array(uuid()),
  }),
  agencies: z.array(caseAgencySchema),
  persons: z.array(personSchema),
  nextStages: z.array(z.enum(STAGES)),
  team: caseTeamSchema,
  incidents: z.array(caseIncidentSchema),
  dangerStatement: nullable(z.string()),
  previousCase: nullable(z.strictObject({ id: uuid(), reference: z.string(), stage: z.enum(STAGES) })),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** A closed case whose personal data were erased (retention or on request): only where it ended is left. */
export const anonymisedCaseSchema = z.strictObject({
  ...summaryShape,
  anonymisedAt: timestamp(),
  erased: z.literal(true),
  persons: z.array(z.never()),
});
export type AnonymisedCase = z.infer<typeof anonymisedCaseSchema>;

/** GET /cases/:id: one of four forms, told apart by `limited`, `confidentiality` and `anonymisedAt`. */
export const caseViewSchema = z.union([caseDetailSchema, anonymisedCaseSchema, unacknowledgedCaseSchema, limitedCaseSchema]);
export type CaseView = z.infer<typeof caseViewSchema>;

export const timelineItemSchema = z.strictObject({
  id: z.string(),
  at: timestamp(),
  type: z.string(),
  reason: nullable(z.string()),
  detail: z.record(z.string(), z.unknown()),
  actor: nullable(z.strictObject({ id: uuid(), displayName: nullable(z.string()), agencyId: nullable(uuid()) })),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
/** GET /cases/:id/timeline; after erasure the reasons read as null. */
export const timelineSchema = z.strictObject({ erased: z.boolean(), items: z.array(timelineItemSchema) });
export type Timeline = z.infer<typeof timelineSchema>;

export const decisionSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  type: z.enum(DECISION_TYPES),
  rationale: nullable(z.string()),
  conferenceId: nullable(uuid()),
  decidedBy: uuid(),
  createdAt: timestamp(),
});
export type Decision = z.infer<typeof decisionSchema>;
export const decisionListSchema = listOf(z.extend(decisionSchema, { decidedByName: nullable(z.string()) }));
export type DecisionListItem = z.infer<typeof decisionListSchema>['items'][number];

/** POST /referrals. */
export const referralResultSchema = z.strictObject({
  caseId: uuid(),
  reference: z.string(),
  stage: z.literal('AANMELDING'),
  /** Someone in this referral was referred before in the last 12 months. Nothing more is said about that case. */
  repeatReferral: z.boolean(),
  urgent: optional(z.literal(true)),
  /** An urgent referral's triage deadline (one working day). */
  triageDueAt: optional(timestamp()),
});
export type ReferralResult = z.infer<typeof referralResultSchema>;

/** GET /cases/:id/team/candidates: active case directors of the case agencies. */
export const teamCandidateListSchema = listOf(
  z.strictObject({ userId: uuid(), displayName: z.string(), agencyId: uuid(), agencyName: z.string(), inTeam: z.boolean() }),
);
export type TeamCandidate = z.infer<typeof teamCandidateListSchema>['items'][number];

/** POST /cases/:id/handover. */
export const handoverSchema = z.strictObject({ caseId: uuid(), directorId: uuid(), takeover: z.boolean(), team: caseTeamSchema });
export type Handover = z.infer<typeof handoverSchema>;

/** POST /cases/:id/agencies: the invited agency joins the case. */
export const agencyInvitationSchema = z.strictObject({ caseId: uuid(), agencyId: uuid(), role: z.literal('INVITED') });
export type AgencyInvitation = z.infer<typeof agencyInvitationSchema>;

/** POST /cases/:id/agencies/:agencyId/waiver: the invited agency will not contribute. */
export const contributionWaiverSchema = z.strictObject({ caseId: uuid(), agencyId: uuid(), contributionWaived: z.literal(true) });
export type ContributionWaiver = z.infer<typeof contributionWaiverSchema>;

/** POST /cases/:id/legal-hold (DPO, who sees no content): the case's reference and its hold. */
export const legalHoldSchema = z.strictObject({ caseId: uuid(), reference: z.string(), legalHold: z.boolean() });
export type LegalHold = z.infer<typeof legalHoldSchema>;

/** POST /cases/:id/erasure (DPO): every encrypted field of the case is unreadable from `erasedAt` on. */
export const caseErasureSchema = z.strictObject({ caseId: uuid(), reference: z.string(), erasedAt: timestamp() });
export type CaseErasure = z.infer<typeof caseErasureSchema>;
