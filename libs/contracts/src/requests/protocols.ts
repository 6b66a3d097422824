import { DATA_CATEGORIES, isIsoDate, LANGUAGE_REGIMES, PROTOCOL_ROUTES } from '@schakel/domain';
import { z } from 'zod/mini';

// Protocols: the draft (POST /protocols, PATCH /protocols/:id, amend) and the liaison's decisions.
// Messages are SPA i18n keys; the API's DTOs state the same limits from PROTOCOL_LIMITS.

export const PROTOCOL_LIMITS = {
  titleMin: 3,
  titleMax: 300,
  districtMin: 2,
  districtMax: 100,
  purposeMin: 10,
  purposeMax: 10000,
  retentionMonthsMin: 1,
  retentionMonthsMax: 600,
  referenceMin: 2,
  referenceMax: 200,
  motivationMin: 10,
  motivationMax: 10000,
  reasonMin: 3,
  reasonMax: 5000,
  /** Prosecution offices that must each approve. */
  approversMax: 5,
  /** The modalities (art. 458ter): the inclusion checklist, the chair, how the persons are informed. */
  criteriaMax: 40,
  criterionMin: 3,
  criterionMax: 500,
  chairMin: 2,
  chairMax: 500,
  informingMin: 3,
  informingMax: 5000,
} as const;
const L = PROTOCOL_LIMITS;

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min, 'validation.minLength'), z.maxLength(max, 'validation.tooLong'));

/** The inclusion criteria as typed: one per line; blank lines do not count. */
export const criteriaLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

type Issue = { path: string[]; message: string; input: unknown; minimum?: number; maximum?: number };

/** The modalities are optional; once the author lays them down, each one is required. */
function modalityIssues(m: { inclusionCriteria: string; chair: string; informing: string; languageRegime: string; route: string }): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string) => ['modalities', field];
  const criteria = criteriaLines(m.inclusionCriteria);
  if (criteria.length === 0) issues.push({ path: at('inclusionCriteria'), message: 'validation.required', input: m.inclusionCriteria });
  else if (criteria.length > L.criteriaMax || criteria.some((c) => c.length < L.criterionMin || c.length > L.criterionMax)) {
    issues.push({ path: at('inclusionCriteria'), message: 'validation.criteria', input: m.inclusionCriteria });
  }
  const text = (field: 'chair' | 'informing', min: number, max: number) => {
    const value = m[field].trim();
    if (value.length < min) issues.push({ path: at(field), message: 'validation.minLength', input: m[field], minimum: min });
    else if (value.length > max) issues.push({ path: at(field), message: 'validation.tooLong', input: m[field], maximum: max });
  };
  text('chair', L.chairMin, L.chairMax);
  text('informing', L.informingMin, L.informingMax);
  if (!(LANGUAGE_REGIMES as readonly string[]).includes(m.languageRegime))
    issues.push({ path: at('languageRegime'), message: 'validation.choose', input: m.languageRegime });
  if (!(PROTOCOL_ROUTES as readonly string[]).includes(m.route)) issues.push({ path: at('route'), message: 'validation.choose', input: m.route });
  return issues;
}

/**
 * A draft protocol as the form holds it (the retention as typed; the API takes a number and
 * `validUntil` as null when empty; the inclusion criteria one per line, sent only `withModalities`).
 */
export const protocolRequestSchema = z
  .object({
    title: text(L.titleMin, L.titleMax),
    district: text(L.districtMin, L.districtMax),
    purpose: text(L.purposeMin, L.purposeMax),
    agencyIds: z.array(z.string()),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).check(z.minLength(1, 'validation.chooseCategory')),
    retentionMonths: z
      .string()
      .check(z.refine((v) => /^\d+$/.test(v.trim()) && Number(v) >= L.retentionMonthsMin && Number(v) <= L.retentionMonthsMax, 'validation.retentionMonths')),
    validFrom: z.string().check(z.refine(isIsoDate, 'validation.date')),
    validUntil: z.string().check(z.refine((v) => v === '' || isIsoDate(v), 'validation.date')),
    approverAgencyIds: z.array(z.string()).check(z.maxLength(L.approversMax, 'validation.tooManyApprovers')),
    withModalities: z.boolean(),
    modalities: z.object({ inclusionCriteria: z.string(), chair: z.string(), informing: z.string(), languageRegime: z.string(), route: z.string() }),
  })
  .check(
    z.refine((v) => !v.validUntil || !v.validFrom || v.validUntil >= v.validFrom, { message: 'validation.dateOrder', path: ['validUntil'] }),
    z.superRefine((v, ctx) => {
      if (!v.withModalities) return;
      for (const { minimum, maximum, ...issue } of modalityIssues(v.modalities)) {
        if (minimum !== undefined) ctx.issues.push({ ...issue, code: 'too_small', origin: 'string', minimum, inclusive: true });
        else if (maximum !== undefined) ctx.issues.push({ ...issue, code: 'too_big', origin: 'string', maximum, inclusive: true });
        else ctx.issues.push({ ...issue, code: 'custom' });
      }
    }),
  );
export type ProtocolRequestInput = z.infer<typeof protocolRequestSchema>;

/** POST /protocols/:id/approve: the prosecutor's reference and the written motivation. */
export const protocolApprovalRequestSchema = z.object({
  reference: text(L.referenceMin, L.referenceMax),
  motivation: text(L.motivationMin, L.motivationMax),
});

/** POST /protocols/:id/reject, /suspend, /lift */
export const protocolReasonRequestSchema = z.object({ reason: text(L.reasonMin, L.reasonMax) });
