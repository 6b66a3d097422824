import { z } from 'zod/mini';
import { int, isoDate, listOf, localized, nullable, pageOf, timestamp, uuid } from './schema';

// Notifications, the legal-basis table, and the access log (api.md "Logs"; api-extensions.md).

export const notificationSchema = z.strictObject({
  id: uuid(),
  type: z.string(),
  caseId: nullable(uuid()),
  caseReference: nullable(z.string()),
  subjectId: nullable(uuid()),
  createdAt: timestamp(),
  readAt: nullable(timestamp()),
});
export type AppNotification = z.infer<typeof notificationSchema>;
/** GET /me/notifications: newest first, with the count of unread ones. */
export const notificationPageSchema = z.strictObject({ items: z.array(notificationSchema), nextCursor: nullable(z.string()), unread: int() });
export type NotificationPage = z.infer<typeof notificationPageSchema>;
/** POST /me/notifications/read-all. */
export const notificationsMarkedSchema = z.strictObject({ marked: int() });

/** GET /legal-bases: the legal bases for sharing, with the article applying today and its history. */
export const legalBasisListSchema = listOf(
  z.strictObject({
    key: z.string(),
    reference: nullable(z.string()),
    title: localized(),
    explanation: localized(),
    conditions: z.strictObject({
      recipients: z.enum(['CASE_AGENCIES', 'PROSECUTION', 'EMERGENCY_SERVICES']),
      consent: z.boolean(),
      justification: z.boolean(),
      person: z.boolean(),
      dangerStatement: z.boolean(),
      provision: z.boolean(),
      dpoReview: z.boolean(),
    }),
    references: z.array(
      z.strictObject({ code: z.string(), validFrom: isoDate(), validUntil: nullable(isoDate()), reference: z.string(), verified: z.boolean() }),
    ),
  }),
);
export type LegalBasisList = z.infer<typeof legalBasisListSchema>;

/** GET /access-log: who read which case (and who was refused), newest first. */
export const accessLogEntrySchema = z.strictObject({
  id: z.string(),
  at: timestamp(),
  userId: uuid(),
  userDisplayName: nullable(z.string()),
  agencyId: uuid(),
  caseId: nullable(uuid()),
  caseReference: nullable(z.string()),
  resource: z.string(),
  resourceId: nullable(z.string()),
  outcome: z.enum(['READ', 'DENIED']),
  status: nullable(int()),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogPageSchema = pageOf(accessLogEntrySchema);

/**
 * GET /access-log/anomalies (DPO): users who read at least `minCases` distinct cases, or were refused
 * `minDenied` times, within one window of `windowMinutes`; the thresholds used are echoed.
 */
export const accessAnomaliesSchema = z.strictObject({
  windowMinutes: int(),
  minCases: int(),
  minDenied: int(),
  items: z.array(
    z.strictObject({
      userId: uuid(),
      userDisplayName: nullable(z.string()),
      agencyId: uuid(),
      windowStart: timestamp(),
      windowEnd: timestamp(),
      distinctCases: int(),
      reads: int(),
      denied: int(),
      reason: z.enum(['MANY_CASES', 'MANY_DENIED']),
    }),
  ),
});
export type AccessAnomalies = z.infer<typeof accessAnomaliesSchema>;
export type AccessAnomaly = AccessAnomalies['items'][number];

/** GET /login-audit (DPO): sign-ins, failures, lockouts, MFA and role changes, newest first. */
export const loginAuditEntrySchema = z.strictObject({
  /** The row's bigint id, as a string. */
  id: z.string(),
  at: timestamp(),
  /** LOGIN_SUCCEEDED, LOGIN_FAILED, ACCOUNT_LOCKED, MFA_ENROLLED, ROLES_CHANGED, … */
  event: z.string(),
  userId: nullable(uuid()),
  userDisplayName: nullable(z.string()),
  actorId: nullable(uuid()),
  actorDisplayName: nullable(z.string()),
  ip: nullable(z.string()),
  /** Event details (never a password, code or token). */
  detail: z.record(z.string(), z.unknown()),
});
export type LoginAuditEntry = z.infer<typeof loginAuditEntrySchema>;
export const loginAuditPageSchema = pageOf(loginAuditEntrySchema);
