import { z } from 'zod/mini';

// Case conferences: planning one (POST /conferences); the limits of an agenda item's minutes. Messages
// are SPA i18n keys; the API's DTOs state the same limits from CONFERENCE_LIMITS.

export const CONFERENCE_LIMITS = { locationMin: 2, locationMax: 300, minutesMax: 50000, decisionRationaleMin: 3, decisionRationaleMax: 10000 } as const;

/** POST /conferences, as the form holds it (`scheduledAt` a `datetime-local` value in Brussels time). */
export const conferenceRequestSchema = z.object({
  protocolId: z.string().check(z.minLength(1, 'validation.choose')),
  scheduledAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.dateTime')),
  location: z.string().check(
    z.trim(),
    z.minLength(CONFERENCE_LIMITS.locationMin, 'validation.minLength'),
    z.maxLength(CONFERENCE_LIMITS.locationMax, 'validation.tooLong'),
  ),
  caseIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseCase')),
  inviteeUserIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseInvitee')),
});
export type ConferenceRequestInput = z.infer<typeof conferenceRequestSchema>;
