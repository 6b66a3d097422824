import { useMutation, useQueryClient } from '@tanstack/react-query';
import { referralRequestSchema } from '@schakel/contracts';
import type { z } from 'zod/mini';
import { api } from '../../../api/client';
import type { ReferralResult } from '@schakel/contracts';

// POST /referrals (api.md "Cases and the chain"): the aanmelding. Field names follow the API, so
// its `details[]` (persons.0.lastName, incident.date) land on the matching form field.

// The request schema and its limits are shared with the API (libs/contracts).
export type ReferralInput = z.infer<typeof referralRequestSchema>;

export type { ReferralResult } from '@schakel/contracts';

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
    ...(input.urgent ? { urgent: true, dangerStatement: input.dangerStatement } : {}),
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
