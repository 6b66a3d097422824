import { ACTION_STATUSES, CONSENT_METHODS, CONSENT_STATUSES, DATA_CATEGORIES, EVALUATION_OUTCOMES, LEGAL_BASES, MEASURES, STAGES } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, isoDate, listOf, localized, nullable, timestamp, uuid } from './schema';

// Contributions, consents and notices, actions and evaluations of a case (api.md "Cases and the chain").

/** The art. 458ter §2 use restriction that travels with information shared under it. */
export const useRestrictionSchema = z.strictObject({ code: z.string(), text: localized() });

/** POST /cases/:id/contributions answers the new contribution in this form (the list adds how each was shared). */
export const contributionSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  agencyId: uuid(),
  authorId: uuid(),
  category: z.enum(DATA_CATEGORIES),
  /** Null once the case's personal data were erased. */
  content: nullable(z.string()),
  /** Filled for the caller's own agency's contributions only. */
  sharedWithAgencyIds: z.array(uuid()),
  createdAt: timestamp(),
});
export type RecordedContribution = z.infer<typeof contributionSchema>;
/** GET /cases/:id/contributions: with how each was shared and the use restriction that came with it. */
export const contributionListSchema = listOf(
  z.extend(contributionSchema, {
    disclosures: z.array(
      z.strictObject({ legalBasis: z.enum(LEGAL_BASES), legalReference: nullable(z.string()), provision: nullable(z.string()), at: timestamp() }),
    ),
    useRestriction: nullable(useRestrictionSchema),
  }),
);
export type Contribution = z.infer<typeof contributionListSchema>['items'][number];

export const consentSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  personId: uuid(),
  status: z.enum(CONSENT_STATUSES),
  method: z.enum(CONSENT_METHODS),
  scope: z.strictObject({ agencyIds: z.array(uuid()), dataCategories: z.array(z.enum(DATA_CATEGORIES)) }),
  validUntil: nullable(isoDate()),
  evidence: nullable(z.string()),
  recordedBy: uuid(),
  recordedAgencyId: uuid(),
  recordedAt: timestamp(),
  withdrawnAt: nullable(timestamp()),
  withdrawalReason: nullable(z.string()),
});
export type Consent = z.infer<typeof consentSchema>;

export const noticeSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  personId: uuid(),
  informedAt: nullable(timestamp()),
  method: nullable(z.string()),
  withheld: z.boolean(),
  justification: nullable(z.string()),
  reviewDate: nullable(isoDate()),
  recordedBy: uuid(),
  recordedAt: timestamp(),
});
export type Notice = z.infer<typeof noticeSchema>;
/** GET /cases/:id/consents: the consents and the notices (information of the persons concerned). */
export const consentsAndNoticesSchema = z.strictObject({ items: z.array(consentSchema), notices: z.array(noticeSchema) });
export type ConsentsAndNotices = z.infer<typeof consentsAndNoticesSchema>;

export const caseActionSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  description: nullable(z.string()),
  ownerAgencyId: uuid(),
  dueDate: isoDate(),
  measure: z.enum(MEASURES),
  status: z.enum(ACTION_STATUSES),
  createdBy: uuid(),
  version: int(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});
export type CaseAction = z.infer<typeof caseActionSchema>;
export const caseActionListSchema = listOf(caseActionSchema);

export const evaluationSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  outcome: z.enum(EVALUATION_OUTCOMES),
  summary: nullable(z.string()),
  riskAssessmentId: nullable(uuid()),
  createdBy: uuid(),
  createdByName: nullable(z.string()),
  createdAt: timestamp(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
export const evaluationListSchema = listOf(evaluationSchema);

/** What an escalating evaluation did to the conference calendar. */
export const escalationSchema = z.union([
  z.strictObject({ kind: z.literal('ADDED_TO_AGENDA'), conferenceId: uuid(), scheduledAt: timestamp(), position: int() }),
  z.strictObject({ kind: z.literal('ALREADY_ON_AGENDA'), conferenceId: uuid(), scheduledAt: timestamp() }),
  z.strictObject({ kind: z.literal('URGENT_CONFERENCE_REQUESTED') }),
]);
export type Escalation = z.infer<typeof escalationSchema>;
/**
 * POST /cases/:id/evaluations: the evaluation as recorded, the stage the case is in afterwards
 * (CONTINUE and ESCALATE send it back to CASUSREGIE) and, for ESCALATE, what happened to the calendar.
 */
export const recordedEvaluationSchema = z.strictObject({
  id: uuid(),
  caseId: uuid(),
  outcome: z.enum(EVALUATION_OUTCOMES),
  summary: z.string(),
  riskAssessmentId: nullable(uuid()),
  createdAt: timestamp(),
  caseStage: z.enum(STAGES),
  escalation: nullable(escalationSchema),
});
export type RecordedEvaluation = z.infer<typeof recordedEvaluationSchema>;

/** GET /me/reminders: open actions of the caller's agency due within a week, and cases ready for evaluation. */
export const remindersSchema = z.strictObject({
  actions: z.array(
    z.strictObject({ caseId: uuid(), reference: z.string(), actionId: uuid(), measure: z.enum(MEASURES), dueDate: isoDate(), overdue: z.boolean() }),
  ),
  evaluationsDue: z.array(z.strictObject({ caseId: uuid(), reference: z.string() })),
});
export type Reminders = z.infer<typeof remindersSchema>;
