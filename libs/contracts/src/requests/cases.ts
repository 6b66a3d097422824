import { DECISION_TYPES } from '@schakel/domain';
import { z } from 'zod/mini';

// The case director's commands on a case. Messages are SPA i18n keys; the API's DTOs state the
// same limits from these constants (apps/api/src/modules/cases/dto/case-commands.dto.ts).

export const CASE_COMMAND_LIMITS = {
  reasonMin: 3,
  transitionReasonMax: 5000,
  waiverReasonMax: 2000,
  decisionRationaleMax: 10000,
} as const;

const reason = (max: number) =>
  z.string().check(z.trim(), z.minLength(CASE_COMMAND_LIMITS.reasonMin, 'validation.minLength'), z.maxLength(max, 'validation.tooLong'));

/** POST /cases/:id/transitions (the target stage is the button, not a field). */
export const transitionRequestSchema = z.object({ reason: reason(CASE_COMMAND_LIMITS.transitionReasonMax) });
export type TransitionRequestInput = z.infer<typeof transitionRequestSchema>;

/** POST /cases/:id/agencies/:agencyId/waiver */
export const waiverRequestSchema = z.object({ reason: reason(CASE_COMMAND_LIMITS.waiverReasonMax) });

/** POST /cases/:id/agencies */
export const inviteAgencyRequestSchema = z.object({ agencyId: z.string().check(z.minLength(1, 'validation.required')) });

/** POST /cases/:id/decisions */
export const decisionRequestSchema = z.object({
  type: z.enum(DECISION_TYPES, 'validation.choose'),
  rationale: reason(CASE_COMMAND_LIMITS.decisionRationaleMax),
});
export type DecisionRequestInput = z.infer<typeof decisionRequestSchema>;
