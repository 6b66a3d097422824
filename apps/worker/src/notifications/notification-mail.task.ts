import type { Pool } from 'pg';
import { notificationMail, notificationPath } from '@schakel/domain';
import type { Mailer } from './mailer';

/**
 * Sends the e-mail of one notification: its kind, the case reference and a link, nothing more.
 * The job carries only the notification id, so no address or content sits in the queue. A
 * notification not (yet) visible throws, and BullMQ retries it with backoff.
 */
export async function sendNotificationMail(pool: Pool, mailer: Mailer, publicUrl: string, notificationId: string): Promise<'sent' | 'already-sent' | 'inactive'> {
  const { rows } = await pool.query<{ type: string; case_reference: string | null; case_id: string | null; subject_id: string | null; emailed_at: Date | null; email: string; locale: string; active: boolean }>(
    `SELECT n.type, n.case_reference, n.case_id, n.subject_id, n.emailed_at, u.email, u.locale, u.active
     FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = $1`,
    [notificationId],
  );
  const n = rows[0];
  if (!n) throw new Error(`notification ${notificationId} not found (yet)`);
  if (n.emailed_at) return 'already-sent';
  if (!n.active) return 'inactive';
  const base = publicUrl.replace(/\/+$/, '');
  const link = `${base}${notificationPath({ type: n.type, caseId: n.case_id, subjectId: n.subject_id })}`;
  const mail = notificationMail({ type: n.type, reference: n.case_reference, locale: n.locale, link });
  await mailer.send(n.email, mail.subject, mail.text);
  await pool.query('UPDATE notifications SET emailed_at = now() WHERE id = $1', [notificationId]);
  return 'sent';
}
