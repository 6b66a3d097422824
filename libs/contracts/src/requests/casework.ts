import {
  ACTION_STATUSES,
  CONSENT_METHODS,
  DATA_CATEGORIES,
  EVALUATION_OUTCOMES,
  isIsoDate,
  MEASURES,
  MIN_DANGER_STATEMENT_LENGTH,
  MIN_JUSTIFICATION_LENGTH,
  NOTICE_METHODS,
  RISK_LEVELS,
} from '@schakel/domain';
import { z } from 'zod/mini';

// Requests of the casework on a case: actions, evaluations, contributions, consents, notices,
// disclosures, risk assessments. Messages are SPA i18n keys; the API's DTOs state the same limits
// from CASEWORK_LIMITS, so a limit changes in one place.

export const CASEWORK_LIMITS = {
  textMin: 3,
  actionDescriptionMax: 5000,
  evaluationSummaryMax: 10000,
  contributionContentMax: 20000,
  consentEvidenceMax: 1000,
  noticeJustificationMax: 5000,
  disclosureJustificationMax: 5000,
  dangerStatementMax: 5000,
  provisionMax: 500,
  riskRationaleMax: 5000,
} as const;
const L = CASEWORK_LIMITS;

/** POST /cases/:id/actions; PATCH adds the status. */
export const actionRequestSchema = z.object({
  description: z.string().check(z.trim(), z.minLength(L.textMin, 'validation.minLength'), z.maxLength(L.actionDescriptionMax, 'validation.tooLong')),
  ownerAgencyId: z.string().check(z.minLength(1, 'validation.choose')),
  dueDate: z.string().check(z.refine(isIsoDate, 'validation.date')),
  measure: z.enum(MEASURES, 'validation.choose'),
});
export type ActionRequestInput = z.infer<typeof actionRequestSchema>;

export const actionUpdateRequestSchema = z.object({
  ...actionRequestSchema.shape,
  status: z.enum(ACTION_STATUSES, 'validation.choose'),
});
export type ActionUpdateRequestInput = z.infer<typeof actionUpdateRequestSchema>;

export const evaluationRequestSchema = z.object({
  outcome: z.enum(EVALUATION_OUTCOMES, 'validation.choose'),
  summary: z.string().check(z.trim(), z.minLength(L.textMin, 'validation.minLength'), z.maxLength(L.evaluationSummaryMax, 'validation.tooLong')),
});
export type EvaluationRequestInput = z.infer<typeof evaluationRequestSchema>;

/** POST /cases/:id/contributions */
export const contributionRequestSchema = z.object({
  category: z.enum(DATA_CATEGORIES, 'validation.choose'),
  content: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(L.contributionContentMax, 'validation.tooLong')),
});
export type ContributionRequestInput = z.infer<typeof contributionRequestSchema>;

/** POST /cases/:id/consents and POST /cases/:id/notices */
const optionalDate = z.string().check(z.refine((v) => v === '' || isIsoDate(v), 'validation.date'));

export const consentRequestSchema = z.object({
  personId: z.string().check(z.minLength(1, 'validation.choose')),
  status: z.enum(['GIVEN', 'REFUSED'], 'validation.choose'),
  method: z.enum(CONSENT_METHODS, 'validation.choose'),
  agencyIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseAgency')),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).check(z.minLength(1, 'validation.chooseCategory')),
  validUntil: optionalDate,
  evidence: z.string().check(z.trim(), z.maxLength(L.consentEvidenceMax, 'validation.tooLong')),
});
export type ConsentRequestInput = z.infer<typeof consentRequestSchema>;

export const noticeRequestSchema = z
  .object({
    personId: z.string().check(z.minLength(1, 'validation.choose')),
    withheld: z.boolean(),
    /** A `datetime-local` value in Brussels time. */
    informedAt: z.string(),
    method: z.string(),
    justification: z.string().check(z.trim(), z.maxLength(L.noticeJustificationMax, 'validation.tooLong')),
    reviewDate: optionalDate,
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.withheld) {
        if (v.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
          ctx.issues.push({ code: 'custom', message: 'validation.justification', path: ['justification'], input: v.justification });
        }
        return;
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.informedAt)) {
        ctx.issues.push({ code: 'custom', message: 'validation.dateTime', path: ['informedAt'], input: v.informedAt });
      }
      if (!(NOTICE_METHODS as readonly string[]).includes(v.method)) {
        ctx.issues.push({ code: 'custom', message: 'validation.choose', path: ['method'], input: v.method });
      }
    }),
  );
export type NoticeRequestInput = z.infer<typeof noticeRequestSchema>;
/** POST /cases/:id/contributions/:cid/disclosures (the `requires…` flags come from the legal-bases answer; not sent). */
export const disclosureRequestSchema = z
  .object({
    toAgencyIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseAgency')),
    legalBasis: z.string().check(z.minLength(1, 'validation.choose')),
    consentId: z.string(),
    justification: z.string().check(z.trim(), z.maxLength(L.disclosureJustificationMax, 'validation.tooLong')),
    /** From the chosen basis's `requiresJustification` in the legal-bases answer. */
    requiresJustification: z.boolean(),
    personId: z.string(),
    dangerStatement: z.string().check(z.trim(), z.maxLength(L.dangerStatementMax, 'validation.tooLong')),
    provision: z.string().check(z.trim(), z.maxLength(L.provisionMax, 'validation.tooLong')),
    /** From the chosen basis's `requiresPerson`, `requiresDangerStatement`, `requiresProvision`. */
    requiresPerson: z.boolean(),
    requiresDangerStatement: z.boolean(),
    requiresProvision: z.boolean(),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.legalBasis === 'CONSENT' && !v.consentId) {
        ctx.issues.push({ code: 'custom', message: 'validation.chooseConsent', path: ['consentId'], input: v.consentId });
      }
      if (v.legalBasis && v.requiresJustification && v.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
        ctx.issues.push({ code: 'custom', message: 'validation.justification', path: ['justification'], input: v.justification });
      }
      if (v.legalBasis && v.requiresPerson && !v.personId) {
        ctx.issues.push({ code: 'custom', message: 'validation.choose', path: ['personId'], input: v.personId });
      }
      if (v.legalBasis && v.requiresDangerStatement && v.dangerStatement.trim().length < MIN_DANGER_STATEMENT_LENGTH) {
        ctx.issues.push({ code: 'custom', message: 'validation.justification', path: ['dangerStatement'], input: v.dangerStatement });
      }
      if (v.legalBasis && v.requiresProvision && !v.provision.trim()) {
        ctx.issues.push({ code: 'custom', message: 'validation.required', path: ['provision'], input: v.provision });
      }
    }),
  );
export type DisclosureRequestInput = z.infer<typeof disclosureRequestSchema>;
/** What the form checks itself; the answers come from fixed choices and are checked by the API per item. */
export const riskAssessmentRequestSchema = z.object({
  level: z.enum(RISK_LEVELS, 'validation.choose'),
  levelRationale: z.string().check(z.trim(), z.maxLength(L.riskRationaleMax, 'validation.tooLong')),
  violencePattern: z.string(),
});
