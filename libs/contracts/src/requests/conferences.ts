import { DECISION_TYPES } from '@schakel/domain';
import { z } from 'zod/mini';

// Case conferences: planning one (POST /conferences) and the minutes of an agenda item. Messages
// are SPA i18n keys; the API's DTOs state the same limits from CONFERENCE_LIMITS.

export const CONFERENCE_LIMITS = {
  locationMin: 2,
  locationMax: 300,
  minutesMax: 50000,
  decisionsMax: 10,
  decisionRationaleMin: 3,
  decisionRationaleMax: 10000,
} as const;

/** POST /conferences, as the form holds it (`scheduledAt` a `datetime-local` value in Brussels time). */
export const conferenceRequestSchema = z.object({
  protocolId: z.string().check(z.minLength(1, 'validation.choose')),
  scheduledAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime')),
  location: z
    .string()
    .check(z.trim(), z.minLength(CONFERENCE_LIMITS.locationMin, 'validation.minLength'), z.maxLength(CONFERENCE_LIMITS.locationMax, 'validation.tooLong')),
  caseIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseCase')),
  inviteeUserIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseInvitee')),
});
export type ConferenceRequestInput = z.infer<typeof conferenceRequestSchema>;

/**
 * PUT /conferences/:id/items/:caseId/minutes, as the chair's form holds it: the minutes, who is
 * present (the attendance list is built from it), and the decisions taken.
 */
export const minutesRequestSchema = z.object({
  minutes: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(CONFERENCE_LIMITS.minutesMax, 'validation.tooLong')),
  present: z.array(z.string()),
  /** At most CONFERENCE_LIMITS.decisionsMax: the form offers no more rows. */
  decisions: z.array(
    z.object({
      type: z.enum(DECISION_TYPES, 'validation.choose'),
      rationale: z
        .string()
        .check(
          z.trim(),
          z.minLength(CONFERENCE_LIMITS.decisionRationaleMin, 'validation.minLength'),
          z.maxLength(CONFERENCE_LIMITS.decisionRationaleMax, 'validation.tooLong'),
        ),
    }),
  ),
});
export type MinutesRequestInput = z.infer<typeof minutesRequestSchema>;
