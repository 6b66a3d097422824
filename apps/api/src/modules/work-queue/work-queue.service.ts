import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { rulesToSql } from '@schakel/authz';
import type { WorkItem, WorkQueue } from '@schakel/contracts';
import { addDays, todayInBrussels } from '@schakel/domain';
import { firstRow } from '@schakel/platform';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { RuntimeConfig } from '../../config/runtime-config';
import { CASE_SCOPE_FIELDS } from '../cases/case-scope';
import { displayNames } from '../identity/user-directory';
import { PROTOCOL_SCOPE_FIELDS } from '../protocols/protocol-scope';

// Per kind of item: enough for a home page, never a full list (the linked screen has that).
const CAP = 50;
const UPCOMING_CONFERENCE_DAYS = 14;
const EXPIRY_NOTICE_DAYS = 14;
const PROTOCOL_EXPIRY_DAYS = 60;
/** Distinct cases read by one person in 24 hours above which the DPO is asked to look. */
const ACCESS_VOLUME_THRESHOLD = 25;

const iso = (v: Date | string | null) => (v === null ? undefined : new Date(v).toISOString());
const day = (v: string | Date | null) => (v === null ? undefined : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/**
 * The caller's work queue: what waits for them, per role, each item with the SPA path where it is
 * done. Every query is scoped in SQL (CASL rules or the caller's own id/agency/district); items carry
 * references, dates and counts only, never case content.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: RuntimeConfig,
  ) {}

  async forUser(user: AuthenticatedUser): Promise<WorkQueue> {
    const today = todayInBrussels();
    const items: WorkItem[] = [];
    const roles = new Set(user.roles);
    // Sequential on purpose: one pooled connection per request, and the queries are small.
    if (roles.has('case_director')) items.push(...(await this.director(user, today)));
    if (roles.has('agency_member') || roles.has('case_director')) items.push(...(await this.partner(user, today)));
    if (roles.has('referrer')) items.push(...(await this.referrer(user)));
    if (roles.has('prosecutor_liaison')) items.push(...(await this.liaison(user, today)));
    if (roles.has('dpo')) items.push(...(await this.dpo(today)));
    if (roles.has('admin')) items.push(...(await this.admin()));
    return { generatedAt: new Date().toISOString(), today, items };
  }

  private async director(user: AuthenticatedUser, today: string): Promise<WorkItem[]> {
    const scope = rulesToSql(user.ability, 'read', 'Case', CASE_SCOPE_FIELDS);
    const referrals = await this.ds
      .createQueryBuilder()
      .from('cases', 'c')
      .select([
        'c.id AS id',
        'c.reference AS reference',
        'c.created_at AS created_at',
        'c.repeat_referral AS repeat_referral',
        'cardinality(c.red_flags) AS red_flags',
      ])
      .where(scope.sql, scope.params)
      .andWhere("c.stage = 'AANMELDING'")
      .orderBy('c.created_at', 'ASC')
      .limit(CAP)
      .getRawMany<{ id: string; reference: string; created_at: Date; repeat_referral: boolean; red_flags: number }>();
    const items: WorkItem[] = referrals.map((r) => ({
      type: 'REFERRAL_TO_ACCEPT',
      link: `/cases/${r.id}`,
      caseId: r.id,
      caseReference: r.reference,
      stage: 'AANMELDING',
      since: iso(r.created_at),
      ageHours: Math.floor((Date.now() - new Date(r.created_at).getTime()) / 3_600_000),
      repeatReferral: r.repeat_referral,
      count: Number(r.red_flags),
    }));

    // The chain guards (libs/domain chain.ts) restated as SQL facts over the director's open cases.
    const ready: { id: string; reference: string; stage: string; stage_entered_at: Date; next_stage: string | null }[] = await this.ds.query(
      `WITH mine AS (SELECT c.* FROM cases c WHERE c.director_id = $1 AND c.stage NOT IN ('AANMELDING', 'AFGESLOTEN')),
       facts AS (
         SELECT m.id, m.reference, m.stage, m.stage_entered_at,
           EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = m.id AND ca.role = 'INVITED') AS has_invited,
           NOT EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = m.id AND ca.role = 'INVITED' AND ca.contribution_waived_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM contributions x WHERE x.case_id = m.id AND x.agency_id = ca.agency_id)) AS all_contributed,
           (SELECT d.type FROM decisions d WHERE d.case_id = m.id ORDER BY d.created_at DESC LIMIT 1) AS decision,
           EXISTS (SELECT 1 FROM actions a WHERE a.case_id = m.id AND a.status <> 'CANCELLED') AS has_action,
           EXISTS (SELECT 1 FROM actions a WHERE a.case_id = m.id AND (a.status = 'DONE' OR (a.status = 'OPEN' AND a.due_date <= $2::date))) AS done_or_due,
           (SELECT e.outcome FROM evaluations e WHERE e.case_id = m.id AND e.created_at >= m.stage_entered_at ORDER BY e.created_at DESC LIMIT 1) AS evaluation
         FROM mine m)
       SELECT id, reference, stage, stage_entered_at, CASE
         WHEN stage = 'DOSSIERVORMING' AND has_invited AND all_contributed THEN 'WEGING'
         WHEN stage = 'WEGING' AND decision = 'INCLUDE' THEN 'CASUSREGIE'
         WHEN stage = 'WEGING' AND decision IN ('REFER_ELSEWHERE', 'NO_FURTHER_ACTION') THEN 'AFGESLOTEN'
         WHEN stage = 'CASUSREGIE' AND has_action THEN 'UITVOERING'
         WHEN stage = 'UITVOERING' AND done_or_due THEN 'EVALUATIE'
         WHEN stage = 'EVALUATIE' AND evaluation = 'CLOSE' THEN 'AFGESLOTEN'
         WHEN stage = 'EVALUATIE' AND evaluation IN ('CONTINUE', 'ESCALATE') THEN 'CASUSREGIE'
       END AS next_stage
       FROM facts ORDER BY stage_entered_at LIMIT ${CAP * 4}`,
      [user.id, today],
    );
    for (const r of ready.filter((x) => x.next_stage).slice(0, CAP)) {
      items.push({
        type: 'CASE_READY_FOR_NEXT_STEP',
        link: `/cases/${r.id}`,
        caseId: r.id,
        caseReference: r.reference,
        stage: r.stage,
        nextStage: r.next_stage ?? undefined,
        since: iso(r.stage_entered_at),
      });
    }

    const conferences: {
      id: string;
      scheduled_at: Date;
      location: string;
      status: string;
      cases: number;
      unacknowledged: number;
      contributions_missing: number;
    }[] = await this.ds.query(
      `SELECT f.id, f.scheduled_at, f.location, f.status,
         (SELECT count(*) FROM conference_items i WHERE i.conference_id = f.id)::int AS cases,
         (SELECT count(*) FROM conference_invitees v WHERE v.conference_id = f.id AND v.acknowledged_at IS NULL)::int AS unacknowledged,
         (SELECT count(*) FROM conference_items i JOIN case_agencies ca ON ca.case_id = i.case_id AND ca.role = 'INVITED' AND ca.contribution_waived_at IS NULL
            WHERE i.conference_id = f.id AND NOT EXISTS (SELECT 1 FROM contributions x WHERE x.case_id = i.case_id AND x.agency_id = ca.agency_id))::int AS contributions_missing
       FROM conferences f
       WHERE f.chair_id = $1 AND f.status <> 'CLOSED' AND f.scheduled_at < (now() + make_interval(days => $2))
       ORDER BY f.scheduled_at LIMIT ${CAP}`,
      [user.id, UPCOMING_CONFERENCE_DAYS],
    );
    for (const f of conferences) {
      items.push({
        type: 'CONFERENCE_UPCOMING',
        link: `/conferences/${f.id}`,
        conferenceId: f.id,
        scheduledAt: iso(f.scheduled_at),
        status: f.status,
        count: f.cases,
        missing: { acknowledgements: f.unacknowledged, contributions: f.contributions_missing },
      });
    }

    const overdue: { id: string; case_id: string; reference: string; measure: string; due_date: string }[] = await this.ds.query(
      `SELECT a.id, a.case_id, c.reference, a.measure, to_char(a.due_date, 'YYYY-MM-DD') AS due_date
       FROM actions a JOIN cases c ON c.id = a.case_id
       WHERE c.director_id = $1 AND c.stage <> 'AFGESLOTEN' AND a.status = 'OPEN' AND a.due_date < $2::date
       ORDER BY a.due_date, c.reference LIMIT ${CAP}`,
      [user.id, today],
    );
    for (const a of overdue)
      items.push({
        type: 'ACTION_OVERDUE',
        link: `/cases/${a.case_id}/actions`,
        caseId: a.case_id,
        caseReference: a.reference,
        measure: a.measure,
        dueDate: a.due_date,
        overdue: true,
      });

    const notices: { case_id: string; reference: string; review_date: string }[] = await this.ds.query(
      `SELECT n.case_id, c.reference, to_char(n.review_date, 'YYYY-MM-DD') AS review_date
       FROM notices n JOIN cases c ON c.id = n.case_id
       WHERE c.director_id = $1 AND c.stage <> 'AFGESLOTEN' AND n.withheld AND n.review_date IS NOT NULL AND n.review_date <= $2::date
       ORDER BY n.review_date LIMIT ${CAP}`,
      [user.id, addDays(today, EXPIRY_NOTICE_DAYS)],
    );
    for (const n of notices)
      items.push({
        type: 'NOTICE_REVIEW_DUE',
        link: `/cases/${n.case_id}/consents`,
        caseId: n.case_id,
        caseReference: n.reference,
        dueDate: n.review_date,
        overdue: n.review_date < today,
      });

    const consents: { case_id: string; reference: string; valid_until: string }[] = await this.ds.query(
      `SELECT k.case_id, c.reference, to_char(k.valid_until, 'YYYY-MM-DD') AS valid_until
       FROM consents k JOIN cases c ON c.id = k.case_id
       WHERE c.director_id = $1 AND c.stage <> 'AFGESLOTEN' AND k.status = 'GIVEN' AND k.withdrawn_at IS NULL
         AND k.valid_until IS NOT NULL AND k.valid_until BETWEEN $2::date AND $3::date
       ORDER BY k.valid_until LIMIT ${CAP}`,
      [user.id, today, addDays(today, EXPIRY_NOTICE_DAYS)],
    );
    for (const k of consents)
      items.push({ type: 'CONSENT_EXPIRING', link: `/cases/${k.case_id}/consents`, caseId: k.case_id, caseReference: k.reference, dueDate: k.valid_until });
    return items;
  }

  private async partner(user: AuthenticatedUser, today: string): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    const asked: { case_id: string; reference: string; joined_at: Date }[] = await this.ds.query(
      `SELECT c.id AS case_id, c.reference, ca.joined_at FROM case_agencies ca JOIN cases c ON c.id = ca.case_id
       WHERE ca.agency_id = $1 AND ca.role = 'INVITED' AND ca.contribution_waived_at IS NULL AND c.stage = 'DOSSIERVORMING'
         AND NOT EXISTS (SELECT 1 FROM contributions x WHERE x.case_id = c.id AND x.agency_id = $1)
       ORDER BY ca.joined_at LIMIT ${CAP}`,
      [user.agencyId],
    );
    for (const a of asked)
      items.push({
        type: 'CONTRIBUTION_ASKED',
        link: `/cases/${a.case_id}/contributions`,
        caseId: a.case_id,
        caseReference: a.reference,
        since: iso(a.joined_at),
      });

    const due: { id: string; case_id: string; reference: string; measure: string; due_date: string }[] = await this.ds.query(
      `SELECT a.id, a.case_id, c.reference, a.measure, to_char(a.due_date, 'YYYY-MM-DD') AS due_date
       FROM actions a JOIN cases c ON c.id = a.case_id
       WHERE a.owner_agency_id = $1 AND a.status = 'OPEN' AND a.due_date <= $2::date AND c.stage <> 'AFGESLOTEN'
         AND EXISTS (SELECT 1 FROM case_agencies ca WHERE ca.case_id = c.id AND ca.agency_id = $1)
       ORDER BY a.due_date, c.reference LIMIT ${CAP}`,
      [user.agencyId, addDays(today, EXPIRY_NOTICE_DAYS)],
    );
    for (const a of due)
      items.push({
        type: 'ACTION_DUE',
        link: `/cases/${a.case_id}/actions`,
        caseId: a.case_id,
        caseReference: a.reference,
        measure: a.measure,
        dueDate: a.due_date,
        overdue: a.due_date < today,
      });

    const toAck: { id: string; scheduled_at: Date }[] = await this.ds.query(
      `SELECT f.id, f.scheduled_at FROM conference_invitees v JOIN conferences f ON f.id = v.conference_id
       WHERE v.user_id = $1 AND v.acknowledged_at IS NULL AND f.status <> 'CLOSED' ORDER BY f.scheduled_at LIMIT ${CAP}`,
      [user.id],
    );
    for (const f of toAck)
      items.push({ type: 'CONFERENCE_TO_ACKNOWLEDGE', link: `/conferences/${f.id}`, conferenceId: f.id, scheduledAt: iso(f.scheduled_at) });
    return items;
  }

  private async referrer(user: AuthenticatedUser): Promise<WorkItem[]> {
    const rows: { id: string; reference: string; stage: string; closure_reason: string | null; created_at: Date; stage_entered_at: Date }[] =
      await this.ds.query(
        `SELECT c.id, c.reference, c.stage, c.closure_reason, c.created_at, c.stage_entered_at FROM cases c
       WHERE c.referrer_id = $1 ORDER BY c.created_at DESC LIMIT ${CAP}`,
        [user.id],
      );
    return rows.map((r) => ({
      type: 'OWN_REFERRAL',
      link: `/cases/${r.id}`,
      caseId: r.id,
      caseReference: r.reference,
      stage: r.stage,
      outcome: r.closure_reason ?? undefined,
      since: iso(r.created_at),
    }));
  }

  private async liaison(user: AuthenticatedUser, today: string): Promise<WorkItem[]> {
    const scope = rulesToSql(user.ability, 'read', 'Protocol', PROTOCOL_SCOPE_FIELDS);
    const protocols = await this.ds
      .createQueryBuilder()
      .from('protocols', 'p')
      .select(['p.id AS id', 'p.title AS title', 'p.status AS status', 'p.submitted_at AS submitted_at', "to_char(p.valid_until, 'YYYY-MM-DD') AS valid_until"])
      .where(scope.sql, scope.params)
      .andWhere(`(p.status = 'SUBMITTED' OR (p.status = 'APPROVED' AND p.valid_until IS NOT NULL AND p.valid_until BETWEEN :today::date AND :until::date))`, {
        today,
        until: addDays(today, PROTOCOL_EXPIRY_DAYS),
      })
      .orderBy('p.submitted_at', 'ASC')
      .limit(CAP * 2)
      .getRawMany<{ id: string; title: string; status: string; submitted_at: Date | null; valid_until: string | null }>();
    const items: WorkItem[] = protocols.map((p) =>
      p.status === 'SUBMITTED'
        ? { type: 'PROTOCOL_TO_APPROVE', link: `/protocols/${p.id}`, protocolId: p.id, title: p.title, since: iso(p.submitted_at) }
        : { type: 'PROTOCOL_EXPIRING', link: `/protocols/${p.id}`, protocolId: p.id, title: p.title, dueDate: day(p.valid_until) },
    );

    // Entries of the district appended since the latest signed checkpoint: what a witness has not seen yet.
    const log = firstRow(
      (await this.ds.query(
        `SELECT count(*)::int AS entries FROM sharing_log s
       WHERE s.district = $1 AND s.seq > COALESCE((SELECT max(k.seq) FROM sharing_log_checkpoints k), 0)`,
        [user.district],
      )) as { entries: number }[],
      'the unwitnessed entry count',
    );
    if (log.entries > 0) items.push({ type: 'LOG_TO_WITNESS', link: '/logs/sharing', count: log.entries });
    return items;
  }

  private async dpo(today: string): Promise<WorkItem[]> {
    const items: WorkItem[] = [];
    // Disclosures on the NECESSITY basis wait for the DPO's after-the-fact review (GET /sharing-log/reviews).
    const reviews: { seq: string; case_id: string; reference: string; created_at: Date }[] = await this.ds.query(
      `SELECT d.log_seq AS seq, d.case_id, c.reference, d.created_at FROM disclosures d JOIN cases c ON c.id = d.case_id
       WHERE d.legal_basis = 'NECESSITY' AND NOT EXISTS (SELECT 1 FROM disclosure_reviews r WHERE r.disclosure_id = d.id)
       ORDER BY d.created_at LIMIT ${CAP}`,
    );
    for (const r of reviews)
      items.push({
        type: 'DISCLOSURE_TO_REVIEW',
        link: '/logs/sharing',
        caseId: r.case_id,
        caseReference: r.reference,
        since: iso(r.created_at),
        count: Number(r.seq),
      });
    const heavy: { user_id: string; cases: number }[] = await this.ds.query(
      `SELECT l.user_id, count(DISTINCT l.case_id)::int AS cases FROM access_log l
       WHERE l.at > now() - interval '24 hours' GROUP BY l.user_id HAVING count(DISTINCT l.case_id) > $1
       ORDER BY cases DESC LIMIT ${CAP}`,
      [ACCESS_VOLUME_THRESHOLD],
    );
    const names = await displayNames(
      this.ds,
      heavy.map((h) => h.user_id),
    );
    for (const h of heavy)
      items.push({
        type: 'ACCESS_ANOMALY',
        link: `/logs/access?userId=${h.user_id}`,
        userId: h.user_id,
        displayName: names.get(h.user_id) ?? '',
        count: h.cases,
      });
    const notices: { case_id: string; reference: string; review_date: string }[] = await this.ds.query(
      `SELECT n.case_id, c.reference, to_char(n.review_date, 'YYYY-MM-DD') AS review_date FROM notices n JOIN cases c ON c.id = n.case_id
       WHERE n.withheld AND n.review_date IS NOT NULL AND n.review_date < $1::date AND c.stage <> 'AFGESLOTEN'
       ORDER BY n.review_date LIMIT ${CAP}`,
      [today],
    );
    for (const n of notices)
      items.push({ type: 'NOTICE_REVIEW_OVERDUE', link: '/logs/access', caseId: n.case_id, caseReference: n.reference, dueDate: n.review_date, overdue: true });
    return items;
  }

  private async admin(): Promise<WorkItem[]> {
    const required = this.config.env.MFA_REQUIRED_ROLES;
    const rows: { id: string; display_name: string; email: string; locked: boolean; mfa_enabled: boolean; mfa_required: boolean; locked_until: Date | null }[] =
      await this.ds.query(
        `SELECT u.id, u.display_name, u.email, (u.locked_until IS NOT NULL AND u.locked_until > now()) AS locked, u.locked_until, u.mfa_enabled,
         (u.roles && $1::text[]) AS mfa_required
       FROM users u WHERE u.active AND ((u.locked_until IS NOT NULL AND u.locked_until > now()) OR NOT u.mfa_enabled)
       ORDER BY (u.locked_until IS NOT NULL AND u.locked_until > now()) DESC, u.display_name LIMIT ${CAP * 2}`,
        [required],
      );
    return rows.map((u) =>
      u.locked
        ? { type: 'ACCOUNT_LOCKED', link: `/admin/users/${u.id}`, userId: u.id, displayName: u.display_name, email: u.email, until: iso(u.locked_until) }
        : { type: 'ACCOUNT_WITHOUT_MFA', link: `/admin/users/${u.id}`, userId: u.id, displayName: u.display_name, email: u.email, mfaRequired: u.mfa_required },
    );
  }
}
