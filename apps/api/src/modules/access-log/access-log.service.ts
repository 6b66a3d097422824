import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ResponseOf } from '@schakel/contracts';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { rawQuery } from '../../common/db/raw-query';
import { pageRequest, toPage } from '../../common/pagination/cursor';
import { caseReferences } from '../cases/case-directory';
import { displayNames } from '../identity/user-directory';
import { AccessLogEntry } from './access-log-entry.entity';

/** Named by services; the interceptor derives others from the route (DECISIONS, ACTIONS, SHARING_LOG…). */
export type CaseResource =
  'CASE' | 'PERSONS' | 'CONTRIBUTIONS' | 'CONTRIBUTION' | 'TIMELINE' | 'CONSENTS' | 'RISK_ASSESSMENTS' | 'MINUTES' | 'PERSON_EXPORT' | (string & {});

/** Per request: whether a service already logged the read, so the interceptor does not log it twice. */
interface RequestScope {
  recorded: boolean;
}

@Injectable()
export class AccessLogService {
  private readonly scope = new AsyncLocalStorage<RequestScope>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Runs a request's handler with a scope that notes whether the read was logged. */
  runScoped<T>(fn: () => T): { result: T; scope: RequestScope } {
    const scope: RequestScope = { recorded: false };
    return { result: this.scope.run(scope, fn), scope };
  }

  /** One row per read of case content. A single indexed insert: see bench/access-log.mjs for its cost. */
  async record(user: AuthenticatedUser, caseId: string, resource: CaseResource, resourceId: string | null = null): Promise<void> {
    const scope = this.scope.getStore();
    if (scope) scope.recorded = true;
    // Raw: the repository's insert builds a query and reads back generated columns on every case read.
    await rawQuery(this.ds, 'INSERT INTO access_log (user_id, agency_id, case_id, resource, resource_id) VALUES ($1, $2, $3, $4, $5)', [
      user.id,
      user.agencyId,
      caseId,
      resource,
      resourceId,
    ]);
  }

  /** Several reads at once (a conference agenda): one insert, not one per case. */
  async recordReads(user: AuthenticatedUser, entries: { caseId: string; resource: CaseResource; resourceId?: string | null }[]): Promise<void> {
    if (!entries.length) return;
    await this.ds
      .getRepository(AccessLogEntry)
      .insert(entries.map((e) => ({ userId: user.id, agencyId: user.agencyId, caseId: e.caseId, resource: e.resource, resourceId: e.resourceId ?? null })));
  }

  /** One row per case for a read that spans cases (a page of the sharing log), in one insert. */
  async recordMany(user: AuthenticatedUser, caseIds: string[], resource: CaseResource): Promise<void> {
    const ids = [...new Set(caseIds)];
    if (!ids.length) return;
    await this.ds.query(`INSERT INTO access_log (user_id, agency_id, case_id, resource) SELECT $1, $2, c, $3 FROM unnest($4::uuid[]) AS c`, [
      user.id,
      user.agencyId,
      resource,
      ids,
    ]);
  }

  /**
   * A refused attempt on a case route (403/404). An id that is no case is kept as resource_id, so
   * probing for case ids shows up as well.
   */
  async recordDenied(user: { id: string; agencyId: string }, caseIdOrGuess: string, resource: CaseResource, status: number): Promise<void> {
    await this.ds.query(
      `INSERT INTO access_log (user_id, agency_id, case_id, resource, resource_id, outcome, status)
       SELECT $1, $2, (SELECT id FROM cases WHERE id::text = $3), $4, $3, 'DENIED', $5`,
      [user.id, user.agencyId, caseIdOrGuess.slice(0, 100), resource, status],
    );
  }

  /**
   * Users who read many distinct cases within a short window, or were refused repeatedly: the
   * DPO's anomaly view. Windows are fixed buckets of `windowMinutes` over the period.
   */
  async anomalies(q: { from?: string; to?: string; windowMinutes?: number; minCases?: number; minDenied?: number }): Promise<ResponseOf<'AccessAnomalies'>> {
    const windowMinutes = q.windowMinutes ?? 60;
    const minCases = q.minCases ?? 20;
    const minDenied = q.minDenied ?? 10;
    const from = q.from ?? new Date(Date.now() - 7 * 86_400_000).toISOString();
    const rows: { user_id: string; agency_id: string; window_start: Date; cases: number; reads: number; denied: number }[] = await this.ds.query(
      `SELECT user_id, agency_id, date_bin(make_interval(mins => $1), at, TIMESTAMPTZ '2000-01-01') AS window_start,
              count(DISTINCT case_id) FILTER (WHERE outcome = 'READ')::int AS cases,
              count(*) FILTER (WHERE outcome = 'READ')::int AS reads,
              count(*) FILTER (WHERE outcome = 'DENIED')::int AS denied
         FROM access_log
        WHERE at >= $2::timestamptz AND ($3::timestamptz IS NULL OR at <= $3::timestamptz)
        GROUP BY user_id, agency_id, window_start
       HAVING count(DISTINCT case_id) FILTER (WHERE outcome = 'READ') >= $4 OR count(*) FILTER (WHERE outcome = 'DENIED') >= $5
        ORDER BY cases DESC, denied DESC, window_start DESC
        LIMIT 200`,
      [windowMinutes, from, q.to ?? null, minCases, minDenied],
    );
    const who = await this.namesOf(
      rows.map((r) => r.user_id),
      [],
    );
    return {
      windowMinutes,
      minCases,
      minDenied,
      items: rows.map((r) => ({
        userId: r.user_id,
        userDisplayName: who.users.get(r.user_id) ?? null,
        agencyId: r.agency_id,
        windowStart: new Date(r.window_start).toISOString(),
        windowEnd: new Date(new Date(r.window_start).getTime() + windowMinutes * 60_000).toISOString(),
        distinctCases: r.cases,
        reads: r.reads,
        denied: r.denied,
        reason: r.cases >= minCases ? 'MANY_CASES' : 'MANY_DENIED',
      })),
    };
  }

  async list(q: { caseId?: string; userId?: string; from?: string; to?: string; outcome?: 'READ' | 'DENIED'; limit?: number; cursor?: string }) {
    const { limit, cursor } = pageRequest(q);
    const qb = this.ds
      .getRepository(AccessLogEntry)
      .createQueryBuilder('l')
      .orderBy('l.id', 'DESC')
      .take(limit + 1);
    if (q.caseId) qb.andWhere('l.case_id = :caseId', { caseId: q.caseId });
    if (q.userId) qb.andWhere('l.user_id = :userId', { userId: q.userId });
    if (q.outcome) qb.andWhere('l.outcome = :outcome', { outcome: q.outcome });
    if (q.from) qb.andWhere('l.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('l.at <= :to', { to: q.to });
    if (cursor) qb.andWhere('l.id < :cid', { cid: cursor.id });
    const rows = await qb.getMany();
    const who = await this.namesOf(
      rows.map((r) => r.userId),
      rows.map((r) => r.caseId),
    );
    return toPage(
      rows,
      limit,
      (r) => ({ k: '', id: r.id }),
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        userId: r.userId,
        userDisplayName: who.users.get(r.userId) ?? null,
        agencyId: r.agencyId,
        caseId: r.caseId,
        caseReference: r.caseId ? (who.cases.get(r.caseId) ?? null) : null,
        resource: r.resource,
        resourceId: r.resourceId,
        outcome: r.outcome,
        status: r.status,
      }),
    );
  }

  /** Display names and case references for the DPO's review (the DPO cannot list users or cases). */
  private async namesOf(userIds: string[], caseIds: (string | null)[]) {
    return {
      users: await displayNames(this.ds, userIds),
      cases: await caseReferences(
        this.ds.manager,
        caseIds.filter((x): x is string => Boolean(x)),
      ),
    };
  }
}
