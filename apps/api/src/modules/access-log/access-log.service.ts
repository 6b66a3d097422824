import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { decodeCursor, toPage } from '../../common/pagination/cursor';
import { AccessLogEntry } from './access-log-entry.entity';

export type CaseResource = 'CASE' | 'PERSONS' | 'CONTRIBUTIONS' | 'CONTRIBUTION' | 'TIMELINE' | 'CONSENTS' | 'RISK_ASSESSMENTS' | 'MINUTES' | 'PERSON_EXPORT';

@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One row per read of case content. A single indexed insert: see bench/access-log.mjs for its cost. */
  async record(user: AuthenticatedUser, caseId: string, resource: CaseResource, resourceId: string | null = null): Promise<void> {
    await this.ds.getRepository(AccessLogEntry).insert({ userId: user.id, agencyId: user.agencyId, caseId, resource, resourceId });
  }

  async list(q: { caseId?: string; userId?: string; from?: string; to?: string; limit?: number; cursor?: string }) {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor);
    const qb = this.ds.getRepository(AccessLogEntry).createQueryBuilder('l').orderBy('l.id', 'DESC').take(limit + 1);
    if (q.caseId) qb.andWhere('l.case_id = :caseId', { caseId: q.caseId });
    if (q.userId) qb.andWhere('l.user_id = :userId', { userId: q.userId });
    if (q.from) qb.andWhere('l.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('l.at <= :to', { to: q.to });
    if (cursor) qb.andWhere('l.id < :cid', { cid: cursor.id });
    const rows = await qb.getMany();
    const who = await this.namesOf(rows.map((r) => r.userId), rows.map((r) => r.caseId));
    return toPage(rows, limit, (r) => ({ k: '', id: r.id }), (r) => ({
      id: r.id, at: r.at.toISOString(), userId: r.userId, userDisplayName: who.users.get(r.userId) ?? null, agencyId: r.agencyId,
      caseId: r.caseId, caseReference: who.cases.get(r.caseId) ?? null, resource: r.resource, resourceId: r.resourceId,
    }));
  }

  /** Display names and case references for the DPO's review (the DPO cannot list users or cases). */
  private async namesOf(userIds: string[], caseIds: string[]) {
    const u = [...new Set(userIds)];
    const c = [...new Set(caseIds)];
    const users: { id: string; display_name: string }[] = u.length ? await this.ds.query('SELECT id, display_name FROM users WHERE id = ANY($1)', [u]) : [];
    const cases: { id: string; reference: string }[] = c.length ? await this.ds.query('SELECT id, reference FROM cases WHERE id = ANY($1)', [c]) : [];
    return { users: new Map(users.map((x) => [x.id, x.display_name])), cases: new Map(cases.map((x) => [x.id, x.reference])) };
  }
}
