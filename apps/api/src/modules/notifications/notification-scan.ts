import { PROTOCOL_EXPIRY_WARNING_DAYS } from '@schakel/domain';
import { rowsOf, type Sql } from '../../database/sql';

/**
 * The daily reminder scan of the notifications module (the worker only runs it, on its schedule).
 * Like `statistics`, it reads other modules' tables in SQL (actions, notices, consents, protocols,
 * cases, users): one INSERT … SELECT per reminder keeps it idempotent and replica-safe, which a loop
 * over the modules' services would not.
 */
export interface ScanResult {
  counts: Record<string, number>;
  ids: string[];
}

// The case team of `c` (director and deputies), as a set of user ids.
const TEAM = `SELECT c.director_id AS user_id WHERE c.director_id IS NOT NULL
              UNION SELECT t.user_id FROM case_team_members t WHERE t.case_id = c.id`;

/**
 * The daily reminders nobody should have to pull. Each is written once per user and occasion
 * (`dedupe_key`), so running the scan again — or on two replicas — notifies nobody twice.
 * `today` is the Brussels calendar day.
 */
const SCANS: Record<string, string> = {
  // Open actions past their due date: the owning agency's partners and the case team.
  actionOverdue: `
    INSERT INTO notifications (user_id, type, case_id, case_reference, subject_id, dedupe_key)
    SELECT DISTINCT r.user_id, 'ACTION_OVERDUE', c.id, c.reference, a.id, 'ACTION_OVERDUE:' || a.id || ':' || a.due_date
    FROM actions a JOIN cases c ON c.id = a.case_id
    CROSS JOIN LATERAL (
      SELECT u.id AS user_id FROM users u WHERE u.active AND u.agency_id = a.owner_agency_id AND u.roles && '{agency_member,case_director}'::text[]
      UNION ${TEAM}
    ) r
    WHERE a.status = 'OPEN' AND a.due_date < $1::date AND c.stage <> 'AFGESLOTEN'
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  // A withheld notice whose review date has come: the case team reviews whether to inform now.
  noticeReviewDue: `
    INSERT INTO notifications (user_id, type, case_id, case_reference, subject_id, dedupe_key)
    SELECT DISTINCT r.user_id, 'NOTICE_REVIEW_DUE', c.id, c.reference, n.id, 'NOTICE_REVIEW_DUE:' || n.id || ':' || n.review_date
    FROM notices n JOIN cases c ON c.id = n.case_id CROSS JOIN LATERAL (${TEAM}) r
    WHERE n.withheld AND n.review_date <= $1::date AND c.stage <> 'AFGESLOTEN'
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  // A consent in force that ends within 14 days: the case team and the recording agency's partners.
  consentExpiring: `
    INSERT INTO notifications (user_id, type, case_id, case_reference, subject_id, dedupe_key)
    SELECT DISTINCT r.user_id, 'CONSENT_EXPIRING', c.id, c.reference, k.id, 'CONSENT_EXPIRING:' || k.id || ':' || k.valid_until
    FROM consents k JOIN cases c ON c.id = k.case_id
    CROSS JOIN LATERAL (
      SELECT u.id AS user_id FROM users u WHERE u.active AND u.agency_id = k.recorded_agency_id AND u.roles && '{agency_member,case_director}'::text[]
      UNION ${TEAM}
    ) r
    WHERE k.status = 'GIVEN' AND k.withdrawn_at IS NULL AND k.valid_until BETWEEN $1::date AND $1::date + 14 AND c.stage <> 'AFGESLOTEN'
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  // An approved protocol ending within 60, then within 30 days: the signatories' case directors and
  // the district's prosecutor liaisons (who approve its renewal).
  protocolExpiring: `
    INSERT INTO notifications (user_id, type, case_reference, subject_id, dedupe_key)
    SELECT DISTINCT r.user_id, 'PROTOCOL_EXPIRING', p.reference, p.id, 'PROTOCOL_EXPIRING:' || p.id || ':' || p.valid_until || ':' || w.days
    FROM protocols p
    CROSS JOIN LATERAL (SELECT min(d) AS days FROM unnest($2::int[]) AS d WHERE p.valid_until - $1::date <= d) w
    CROSS JOIN LATERAL (
      SELECT u.id AS user_id FROM users u JOIN protocol_agencies pa ON pa.agency_id = u.agency_id
      WHERE pa.protocol_id = p.id AND u.active AND 'case_director' = ANY(u.roles)
      UNION
      SELECT u.id FROM users u JOIN agencies ag ON ag.id = u.agency_id WHERE ag.district = p.district AND u.active AND 'prosecutor_liaison' = ANY(u.roles)
    ) r
    WHERE p.status = 'APPROVED' AND p.valid_until IS NOT NULL AND p.valid_until >= $1::date AND w.days IS NOT NULL
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
};

export async function scanNotifications(sql: Sql, today: string): Promise<ScanResult> {
  const counts: Record<string, number> = {};
  const ids: string[] = [];
  for (const [name, text] of Object.entries(SCANS)) {
    const params: unknown[] = name === 'protocolExpiring' ? [today, [...PROTOCOL_EXPIRY_WARNING_DAYS]] : [today];
    const rows = await rowsOf<{ id: string }>(sql, text, params);
    counts[name] = rows.length;
    ids.push(...rows.map((x) => x.id));
  }
  return { counts, ids };
}
