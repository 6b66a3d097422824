import { AGENCY_TYPES } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, pageOf, timestamp, uuid } from './schema';

// GET/POST/PATCH /agencies (api.md "Identity and administration").

export const agencySchema = z.strictObject({
  id: uuid(),
  name: z.string(),
  type: z.enum(AGENCY_TYPES),
  district: z.string(),
  active: z.boolean(),
  /** Reachable around the clock for an acute-danger referral. */
  emergencyService: z.boolean(),
  /** Sent back with every update; a stale one gets 409 STALE_VERSION. */
  version: int(),
  createdAt: timestamp(),
});
export type Agency = z.infer<typeof agencySchema>;

export const agencyPageSchema = pageOf(agencySchema);
