import { isIsoDate, isValidNationalNumber, NATIONAL_NUMBER_SHAPE, PERSON_ROLES, RED_FLAG_CODES, todayInBrussels, VIOLENCE_FORMS } from '@schakel/domain';
import { z } from 'zod/mini';

// POST /referrals: one schema for the SPA's form, and the limits the API's DTO states with the
// same constants. Messages are SPA i18n keys; `{{min}}`/`{{max}}` come from the issue.

export const REFERRAL_LIMITS = {
  summaryMin: 10,
  summaryMax: 10000,
  nameMax: 100,
  addressMax: 500,
  policeReferenceMax: 100,
  personsMax: 30,
  dangerStatementMax: 5000,
} as const;

const optional = (check: (v: string) => boolean, message: string) =>
  z.string().check(
    z.trim(),
    z.refine((v) => v === '' || check(v), message),
  );

export const referralPersonRequestSchema = z.object({
  role: z.enum(PERSON_ROLES, 'validation.choose'),
  firstName: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(REFERRAL_LIMITS.nameMax, 'validation.tooLong')),
  lastName: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(REFERRAL_LIMITS.nameMax, 'validation.tooLong')),
  birthDate: optional((v) => isIsoDate(v) && v <= todayInBrussels(), 'validation.birthDate'),
  // The shape first (its own message), then the modulo-97 check digits.
  nationalNumber: z.string().check(
    z.trim(),
    z.refine((v) => v === '' || NATIONAL_NUMBER_SHAPE.test(v), 'validation.nationalNumber'),
    z.refine((v) => v === '' || !NATIONAL_NUMBER_SHAPE.test(v) || isValidNationalNumber(v), 'screens.nationalNumberCheck'),
  ),
  address: z.string().check(z.trim(), z.maxLength(REFERRAL_LIMITS.addressMax, 'validation.tooLong')),
  // Per person (privacy): default to the referral-wide flags when left out.
  informed: z.optional(z.boolean()),
  consentGiven: z.optional(z.boolean()),
});

export const referralRequestSchema = z.object({
  protocolId: z.string().check(z.minLength(1, 'validation.chooseProtocol')),
  summary: z
    .string()
    .check(z.trim(), z.minLength(REFERRAL_LIMITS.summaryMin, 'validation.minLength'), z.maxLength(REFERRAL_LIMITS.summaryMax, 'validation.tooLong')),
  incident: z.object({
    date: z.string().check(
      z.refine(isIsoDate, 'validation.date'),
      z.refine((v) => v <= todayInBrussels(), 'validation.notFuture'),
    ),
    types: z.array(z.enum(VIOLENCE_FORMS)).check(z.minLength(1, 'validation.chooseViolence')),
    policeReference: z.string().check(z.trim(), z.maxLength(REFERRAL_LIMITS.policeReferenceMax, 'validation.tooLong')),
  }),
  persons: z
    .array(referralPersonRequestSchema)
    .check(z.minLength(1, 'validation.personRequired'), z.maxLength(REFERRAL_LIMITS.personsMax, 'validation.tooManyPersons')),
  redFlags: z.array(z.enum(RED_FLAG_CODES)),
  informed: z.boolean(),
  consentGiven: z.boolean(),
  // Acute danger: the API requires the statement when urgent (400 naming dangerStatement).
  urgent: z.optional(z.boolean()),
  dangerStatement: z.optional(z.string().check(z.trim(), z.maxLength(REFERRAL_LIMITS.dangerStatementMax, 'validation.tooLong'))),
});
export type ReferralRequestInput = z.infer<typeof referralRequestSchema>;
