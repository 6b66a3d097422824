import { rowsOf, type Sql } from '../../database/sql';

/** What the e-mail of one notification needs (kind, case reference, link target): never content. */
export interface NotificationToMail {
  userId: string;
  type: string;
  caseReference: string | null;
  caseId: string | null;
  subjectId: string | null;
  emailedAt: Date | null;
}

export async function notificationToMail(sql: Sql, id: string): Promise<NotificationToMail | null> {
  const [n] = await rowsOf<{
    user_id: string;
    type: string;
    case_reference: string | null;
    case_id: string | null;
    subject_id: string | null;
    emailed_at: Date | null;
  }>(sql, 'SELECT user_id, type, case_reference, case_id, subject_id, emailed_at FROM notifications WHERE id = $1', [id]);
  return n ? { userId: n.user_id, type: n.type, caseReference: n.case_reference, caseId: n.case_id, subjectId: n.subject_id, emailedAt: n.emailed_at } : null;
}

export async function markEmailed(sql: Sql, id: string): Promise<void> {
  await sql.query('UPDATE notifications SET emailed_at = now() WHERE id = $1', [id]);
}
