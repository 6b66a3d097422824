import { DATA_CATEGORIES, isIsoDate } from '@schakel/domain';
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
} as const;
const L = PROTOCOL_LIMITS;

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min, 'validation.minLength'), z.maxLength(max, 'validation.tooLong'));

/**
 * A draft protocol as the form holds it (the retention as typed; the API takes a number and
 * `validUntil` as null when empty).
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
  })
  .check(z.refine((v) => !v.validUntil || !v.validFrom || v.validUntil >= v.validFrom, { message: 'validation.dateOrder', path: ['validUntil'] }));
export type ProtocolRequestInput = z.infer<typeof protocolRequestSchema>;

/** POST /protocols/:id/approve: the prosecutor's reference and the written motivation. */
export const protocolApprovalRequestSchema = z.object({
  reference: text(L.referenceMin, L.referenceMax),
  motivation: text(L.motivationMin, L.motivationMax),
});

/** POST /protocols/:id/reject, /suspend, /lift */
export const protocolReasonRequestSchema = z.object({ reason: text(L.reasonMin, L.reasonMax) });
