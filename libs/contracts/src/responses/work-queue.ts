import { z } from 'zod/mini';
import { int, isoDate, optional, timestamp, uuid } from './schema';

// GET /me/work-queue (docs/api-extensions.md, "Work queue"): what waits for the caller, per role.

/** In the order the SPA shows the groups. */
export const WORK_ITEM_TYPES = [
  'REFERRAL_TO_ACCEPT',
  'CASE_READY_FOR_NEXT_STEP',
  'CONFERENCE_UPCOMING',
  'ACTION_OVERDUE',
  'NOTICE_REVIEW_DUE',
  'CONSENT_EXPIRING',
  'CONTRIBUTION_ASKED',
  'ACTION_DUE',
  'CONFERENCE_TO_ACKNOWLEDGE',
  'OWN_REFERRAL',
  'PROTOCOL_TO_APPROVE',
  'PROTOCOL_EXPIRING',
  'LOG_TO_WITNESS',
  'DISCLOSURE_TO_REVIEW',
  'ACCESS_ANOMALY',
  'NOTICE_REVIEW_OVERDUE',
  'ACCOUNT_LOCKED',
  'ACCOUNT_WITHOUT_MFA',
] as const;
export type WorkItemType = (typeof WORK_ITEM_TYPES)[number];

/** One thing waiting for the caller; `link` is the SPA path where it is done. References and dates only. */
export const workItemSchema = z.strictObject({
  type: z.enum(WORK_ITEM_TYPES),
  link: z.string(),
  caseId: optional(uuid()),
  caseReference: optional(z.string()),
  stage: optional(z.string()),
  /** The stage the case can move to now that its guards are met. */
  nextStage: optional(z.string()),
  /** When the waiting began (referral filed, stage entered, invitation, submission). */
  since: optional(timestamp()),
  /** Hours since the referral was filed (triage age). */
  ageHours: optional(z.number()),
  dueDate: optional(isoDate()),
  overdue: optional(z.boolean()),
  measure: optional(z.string()),
  repeatReferral: optional(z.boolean()),
  /** Closure reason of an own referral. */
  outcome: optional(z.string()),
  conferenceId: optional(uuid()),
  scheduledAt: optional(timestamp()),
  status: optional(z.string()),
  /** Invitees who have not acknowledged confidentiality; invited agencies of agenda cases that have not contributed. */
  missing: optional(z.strictObject({ acknowledgements: int(), contributions: int() })),
  protocolId: optional(uuid()),
  title: optional(z.string()),
  userId: optional(uuid()),
  displayName: optional(z.string()),
  email: optional(z.string()),
  /** The role of the account requires two-step verification. */
  mfaRequired: optional(z.boolean()),
  /** A locked account opens again at. */
  until: optional(timestamp()),
  /** Red flags of a referral, agenda cases of a conference, unwitnessed log entries, cases read in 24 h. */
  count: optional(int()),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const workQueueSchema = z.strictObject({
  generatedAt: timestamp(),
  /** Today in Brussels, the reference for due and overdue. */
  today: isoDate(),
  items: z.array(workItemSchema),
});
export type WorkQueue = z.infer<typeof workQueueSchema>;
