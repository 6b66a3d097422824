import { RISK_ANSWER_SOURCES, RISK_ANSWER_VALUES, RISK_LEVELS, RISK_PROMPT_CODES, RISK_SECTION_KINDS, VIOLENCE_PATTERNS } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, listOf, localized, nullable, optional, timestamp, uuid } from './schema';

// Weging: the risk instruments and a case's structured professional judgements (api-extensions.md).
// Schakel never computes a score: `score` and `suggestedLevel` exist only for an instrument with validated scoring.

/** GET /risk-instruments. */
export const riskInstrumentListSchema = listOf(z.strictObject({ key: z.string(), version: int(), title: localized(), scoring: z.boolean() }));
export type RiskInstrumentSummary = z.infer<typeof riskInstrumentListSchema>['items'][number];

/**
 * GET /risk-instruments/:key/:version: the full definition (the domain's `RiskInstrument`), so the SPA
 * renders the form from it: sections and items, answer values and sources, violence patterns, and
 * `scoring` (weights and thresholds) or null when the instrument has no validated scoring.
 */
export const riskInstrumentSchema = z.strictObject({
  key: z.string(),
  version: int(),
  title: localized(),
  source: z.string(),
  disclaimer: localized(),
  answerValues: z.array(z.enum(RISK_ANSWER_VALUES)),
  answerSources: z.array(z.enum(RISK_ANSWER_SOURCES)),
  sections: z.array(
    z.strictObject({
      key: z.string(),
      kind: z.enum(RISK_SECTION_KINDS),
      title: localized(),
      /** Answered once per child of the case: the answer key is `<itemKey>:<childPersonId>`. */
      perChild: z.boolean(),
      items: z.array(
        z.strictObject({
          key: z.string(),
          label: localized(),
          help: optional(localized()),
          /** Prompts raised when the item is answered `yes`. */
          promptsWhenYes: optional(z.array(z.enum(RISK_PROMPT_CODES))),
        }),
      ),
    }),
  ),
  violencePatterns: z.array(z.strictObject({ value: z.enum(VIOLENCE_PATTERNS), label: localized(), prompts: z.array(z.enum(RISK_PROMPT_CODES)) })),
  scoring: nullable(
    z.strictObject({
      method: z.literal('WEIGHTED_SUM'),
      reference: z.string(),
      weights: z.record(z.string(), z.number()),
      thresholds: z.array(z.strictObject({ level: z.enum(RISK_LEVELS), minScore: z.number() })),
    }),
  ),
});
export type RiskInstrumentDefinition = z.infer<typeof riskInstrumentSchema>;

const riskAssessmentShape = {
  id: uuid(),
  caseId: uuid(),
  personId: uuid(),
  instrument: z.string(),
  version: int(),
  answers: z.record(
    z.string(),
    z.strictObject({ value: z.enum(RISK_ANSWER_VALUES), source: optional(z.enum(RISK_ANSWER_SOURCES)), note: optional(z.string()) }),
  ),
  indicators: z.strictObject({ redFlags: z.array(z.string()), protectiveFactors: z.array(z.string()) }),
  /** What to do or avoid, each with the items (answered yes) that raised it. */
  prompts: z.array(z.strictObject({ code: z.enum(RISK_PROMPT_CODES), itemKeys: z.array(z.string()) })),
  score: optional(nullable(z.number())),
  suggestedLevel: optional(nullable(z.enum(RISK_LEVELS))),
  level: z.enum(RISK_LEVELS),
  levelRationale: nullable(z.string()),
  violencePattern: nullable(z.enum(VIOLENCE_PATTERNS)),
  assessedBy: uuid(),
  assessedAgencyId: uuid(),
  createdAt: timestamp(),
};
/** POST /cases/:id/risk-assessments. */
export const riskAssessmentSchema = z.strictObject(riskAssessmentShape);
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;
/** GET /cases/:id/risk-assessments, with the assessor's name. */
export const riskAssessmentListSchema = listOf(z.strictObject({ ...riskAssessmentShape, assessedByName: nullable(z.string()) }));
