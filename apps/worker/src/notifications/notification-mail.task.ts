import type { Pool } from 'pg';
import { notificationMail, notificationPath } from '@schakel/domain';
import { mailRecipient } from '../../../api/src/modules/identity/identity.housekeeping';
import { markEmailed, notificationToMail } from '../../../api/src/modules/notifications/notification-mail';
import type { Mailer } from './mailer';

/**
 * Sends the e-mail of one notification: its kind, the case reference and a link, nothing more.
 * The job carries only the notification id, so no address or content sits in the queue. A
 * notification not (yet) visible throws, and BullMQ retries it with backoff. The reads and the
 * write are the notifications and identity modules' own (apps/api); this only orchestrates.
 */
export async function sendNotificationMail(
  pool: Pool,
  mailer: Mailer,
  publicUrl: string,
  notificationId: string,
): Promise<'sent' | 'already-sent' | 'inactive'> {
  const n = await notificationToMail(pool, notificationId);
  const to = n ? await mailRecipient(pool, n.userId) : null;
  if (!n || !to) throw new Error(`notification ${notificationId} not found (yet)`);
  if (n.emailedAt) return 'already-sent';
  if (!to.active) return 'inactive';
  const base = publicUrl.replace(/\/+$/, '');
  const link = `${base}${notificationPath({ type: n.type, caseId: n.caseId, subjectId: n.subjectId })}`;
  const mail = notificationMail({ type: n.type, reference: n.caseReference, locale: to.locale, link });
  await mailer.send(to.email, mail.subject, mail.text);
  await markEmailed(pool, notificationId);
  return 'sent';
}
