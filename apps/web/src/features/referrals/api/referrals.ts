import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isIsoDate, PERSON_ROLES, RED_FLAG_CODES, todayInBrussels, VIOLENCE_FORMS } from '@schakel/domain';
import { z } from 'zod/mini';
import { api } from '../../../api/client';

// POST /referrals (api.md "Cases and the chain"): the aanmelding. Field names follow the API, so
// its `details[]` (persons.0.lastName, incident.date) land on the matching form field.

/** The Belgian national register number, with or without its usual dots and dash (11 digits). */
export const NATIONAL_NUMBER = /^\d{2}\.?\d{2}\.?\d{2}-?\d{3}\.?\d{2}$/;

const optional = (check: (v: string) => boolean, message: string) => z.string().check(z.trim(), z.refine((v) => v === '' || check(v), message));

export const personInputSchema = z.object({
  role: z.enum(PERSON_ROLES, 'validation.choose'),
  firstName: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(100, 'validation.tooLong')),
  lastName: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(100, 'validation.tooLong')),
  birthDate: optional((v) => isIsoDate(v) && v <= todayInBrussels(), 'validation.birthDate'),
  nationalNumber: optional((v) => NATIONAL_NUMBER.test(v), 'validation.nationalNumber'),
  address: z.string().check(z.trim(), z.maxLength(500, 'validation.tooLong')),
  informed: z.optional(z.boolean()),
  consentGiven: z.optional(z.boolean()),
});

export const referralInputSchema = z.object({
  protocolId: z.string().check(z.minLength(1, 'validation.chooseProtocol')),
  summary: z.string().check(z.trim(), z.minLength(10, 'validation.minLength'), z.maxLength(10000, 'validation.tooLong')),
  incident: z.object({
    date: z.string().check(
      z.refine(isIsoDate, 'validation.date'),
      z.refine((v) => v <= todayInBrussels(), 'validation.notFuture'),
    ),
    types: z.array(z.enum(VIOLENCE_FORMS)).check(z.minLength(1, 'validation.chooseViolence')),
    policeReference: z.string().check(z.trim(), z.maxLength(100, 'validation.tooLong')),
  }),
  persons: z.array(personInputSchema).check(z.minLength(1, 'validation.personRequired'), z.maxLength(30, 'validation.tooManyPersons')),
  redFlags: z.array(z.enum(RED_FLAG_CODES)),
  informed: z.boolean(),
  consentGiven: z.boolean(),
});
export type ReferralInput = z.infer<typeof referralInputSchema>;

export interface ReferralResult {
  caseId: string;
  reference: string;
  stage: 'AANMELDING';
  /** Someone in this referral was referred before in the last 12 months. Nothing more is said about that case. */
  repeatReferral: boolean;
}

/** The request body: optional fields left empty are left out rather than sent as "". */
export function referralBody(input: ReferralInput) {
  return {
    protocolId: input.protocolId,
    summary: input.summary,
    incident: {
      date: input.incident.date,
      types: input.incident.types,
      ...(input.incident.policeReference ? { policeReference: input.incident.policeReference } : {}),
    },
    persons: input.persons.map((p) => ({
      role: p.role,
      firstName: p.firstName,
      lastName: p.lastName,
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
      ...(p.nationalNumber ? { nationalNumber: p.nationalNumber } : {}),
      ...(p.address ? { address: p.address } : {}),
      ...(p.informed !== undefined ? { informed: p.informed } : {}),
      ...(p.consentGiven !== undefined ? { consentGiven: p.consentGiven } : {}),
    })),
    redFlags: input.redFlags,
    informed: input.informed,
    consentGiven: input.consentGiven,
  };
}

export const createReferral = (input: ReferralInput) => api<ReferralResult>('/referrals', { method: 'POST', json: referralBody(input) });

/** A new referral is a new case on the dashboards. */
export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReferral,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
