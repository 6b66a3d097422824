import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { MINIMUM_CELL, protectBreakdowns, suppress } from './suppress';

export interface StatisticsQuery {
  from?: string;
  to?: string;
  district?: string;
}

/**
 * Steering-group figures: aggregates only, per district, with small cells suppressed. The DPO may
 * choose a district (or all); case directors and liaisons see their own agency's district.
 */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async overview(user: AuthenticatedUser, q: StatisticsQuery) {
    const district = user.roles.includes('dpo') ? (q.district ?? null) : user.district;
    const where: string[] = [];
    const params: unknown[] = [];
    if (district) {
      params.push(district);
      where.push(`p.district = $${params.length}`);
    }
    if (q.from) {
      params.push(q.from);
      where.push(`c.created_at >= $${params.length}::date`);
    }
    if (q.to) {
      params.push(q.to);
      where.push(`c.created_at < $${params.length}::date + 1`);
    }
    const scope = `FROM cases c JOIN protocols p ON p.id = c.protocol_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const count = async (column: string) =>
      ((await this.ds.query(`SELECT ${column} AS key, count(*)::int AS n ${scope} GROUP BY 1 ORDER BY 1`, params)) as { key: string | null; n: number }[]).map(
        (r) => ({ key: r.key, count: r.n }),
      );
    const [perStage, perReferringAgencyType, perRiskLevel, perOutcome, total] = [
      await count('c.stage'),
      await count('(SELECT a.type FROM agencies a WHERE a.id = c.referring_agency_id)'),
      await count('c.risk_level'),
      await count('c.closure_reason'),
      (await this.ds.query(`SELECT count(*)::int AS n ${scope}`, params))[0].n as number,
    ];
    // Time spent in each stage: from entering it (referral or previous transition) to leaving it.
    const durations: { stage: string; cases: number; median_days: number | null }[] = await this.ds.query(
      `
      WITH steps AS (
        SELECT e.case_id, e.at, e.type, e.detail->>'from' AS left_stage,
               lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.id) AS entered_at
        FROM case_events e
        WHERE e.type IN ('REFERRED', 'TRANSITION') AND e.case_id IN (SELECT c.id ${scope})
      )
      SELECT left_stage AS stage, count(*)::int AS cases,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - entered_at) / 86400))::numeric, 1)::float AS median_days
      FROM steps WHERE type = 'TRANSITION' AND entered_at IS NOT NULL GROUP BY left_stage ORDER BY left_stage`,
      params,
    );
    // Every breakdown adds up to totalCases, so a lone hidden cell would be the total minus the rest.
    const p = protectBreakdowns(total, { perStage, perReferringAgencyType, perRiskLevel, perOutcome });
    const stagesHidden = p.total === null || p.withheld.length > 0 || p.breakdowns.perStage.some((r) => r.count === null);
    return {
      scope: { district, from: q.from ?? null, to: q.to ?? null },
      generatedAt: new Date().toISOString(),
      minimumCell: MINIMUM_CELL,
      totalCases: p.total,
      withheld: p.withheld,
      perStage: p.breakdowns.perStage.map(({ key, count: n }) => ({ stage: key, count: n })),
      perReferringAgencyType: p.breakdowns.perReferringAgencyType.map(({ key, count: n }) => ({ agencyType: key, count: n })),
      perRiskLevel: p.breakdowns.perRiskLevel.map(({ key, count: n }) => ({ riskLevel: key, count: n })),
      perOutcome: p.breakdowns.perOutcome.map(({ key, count: n }) => ({ closureReason: key, count: n })),
      // A median over fewer than MINIMUM_CELL cases is withheld like a small count. The number of cases
      // that left a stage is a running sum of perStage, so differences would give hidden stages away:
      // it is published only when no stage count is hidden.
      medianDaysPerStage: durations.map((d) => ({
        stage: d.stage,
        cases: stagesHidden ? null : suppress(d.cases),
        medianDays: d.cases < MINIMUM_CELL ? null : d.median_days,
      })),
    };
  }
}
