import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AGENCY_TYPES,
  CASE_LANGUAGES,
  CLOSURE_REASONS,
  DECISION_TYPES,
  GENDER_CODES,
  MEASURES,
  STAGES,
  protectBreakdown,
  protectTable,
  toCsv,
} from '@schakel/domain';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ReportPdf } from './pdf-writer';
import { SECTION_LABELS as S, label } from './report-labels';
import { MINIMUM_CELL, protectBreakdowns } from './suppress';

type Row = { key: string; count: number | null };
const ROLES = ['VICTIM', 'ALLEGED_PERPETRATOR'] as const;

export interface AnnualReport {
  district: string | null;
  year: number;
  generatedAt: string;
  minimumCell: number;
  referrals: { total: number | null; perReferringAgencyType: Row[] };
  inclusions: { perDecision: Row[] };
  closures: { total: number | null; perReason: Row[] };
  persons: {
    roles: string[];
    genders: string[];
    cells: (number | null)[][];
    roleTotals: (number | null)[];
    genderTotals: (number | null)[];
    total: number | null;
  };
  children: { cases: Row[]; children: number | null };
  languages: Row[];
  measures: { total: number | null; perMeasure: Row[] };
  daysPerStep: { stage: string; medianDays: number | null }[];
  /** Sections not published at all because only hiding a shared total could protect them. */
  withheld: string[];
}

/**
 * The yearly figures a steering group reports on, per judicial district: the cases referred in the
 * year (a cohort), what happened to them, who was involved, and the cases closed in the year. Every
 * table is published with small-cell and complementary suppression (ADR 0014).
 */
@Injectable()
export class AnnualReportService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The DPO may choose a district (or all); case directors and liaisons report on their own. */
  districtFor(user: AuthenticatedUser, requested?: string): string | null {
    if (user.roles.includes('dpo')) return requested?.trim() || null;
    if (requested && requested.trim() !== user.district) {
      throw new ForbiddenException({
        code: 'DISTRICT_NOT_ALLOWED',
        message: 'You can only report on your own district',
        details: [{ field: 'district', message: `must be ${user.district}` }],
      });
    }
    return user.district;
  }

  async build(user: AuthenticatedUser, q: { district?: string; year: number }): Promise<AnnualReport> {
    const district = this.districtFor(user, q.district);
    const params: unknown[] = [q.year];
    const inDistrict = district ? (params.push(district), `AND p.district = $${params.length}`) : '';
    const yearRange = (col: string) =>
      `${col} >= make_timestamptz($1, 1, 1, 0, 0, 0, 'Europe/Brussels') AND ${col} < make_timestamptz($1 + 1, 1, 1, 0, 0, 0, 'Europe/Brussels')`;
    const cohort = `SELECT c.id FROM cases c JOIN protocols p ON p.id = c.protocol_id WHERE ${yearRange('c.created_at')} ${inDistrict}`;
    const counts = async (sql: string, keys: readonly string[]) => {
      const rows: { key: string; n: number }[] = await this.ds.query(sql, params);
      const found = new Map(rows.map((r) => [r.key, r.n]));
      return keys.map((key) => ({ key, count: found.get(key) ?? 0 }));
    };
    const total: number = (await this.ds.query(`SELECT count(*)::int AS n FROM (${cohort}) k`, params))[0].n;
    const perReferringAgencyType = await counts(
      `SELECT a.type AS key, count(*)::int AS n FROM cases c JOIN agencies a ON a.id = c.referring_agency_id WHERE c.id IN (${cohort}) GROUP BY 1`,
      AGENCY_TYPES,
    );
    const perDecision = await counts(
      `SELECT coalesce((SELECT d.type FROM decisions d WHERE d.case_id = c.id ORDER BY d.created_at DESC LIMIT 1), 'PENDING') AS key, count(*)::int AS n
       FROM cases c WHERE c.id IN (${cohort}) GROUP BY 1`,
      [...DECISION_TYPES, 'PENDING'],
    );
    const childCases = await counts(
      `SELECT CASE WHEN EXISTS (SELECT 1 FROM persons x WHERE x.case_id = c.id AND x.role = 'CHILD') THEN 'WITH_CHILDREN' ELSE 'WITHOUT_CHILDREN' END AS key, count(*)::int AS n
       FROM cases c WHERE c.id IN (${cohort}) GROUP BY 1`,
      ['WITH_CHILDREN', 'WITHOUT_CHILDREN'],
    );
    const languages = await counts(`SELECT coalesce(c.language, 'UNKNOWN') AS key, count(*)::int AS n FROM cases c WHERE c.id IN (${cohort}) GROUP BY 1`, [
      ...CASE_LANGUAGES,
      'UNKNOWN',
    ]);
    // The referral cohort's breakdowns all add up to the number of referrals, which is published once.
    const shared = protectBreakdowns(total, { perReferringAgencyType, perDecision, childCases, languages });

    const children: number = (await this.ds.query(`SELECT count(*)::int AS n FROM persons x WHERE x.role = 'CHILD' AND x.case_id IN (${cohort})`, params))[0].n;
    const closures = await counts(
      `SELECT c.closure_reason AS key, count(*)::int AS n FROM cases c JOIN protocols p ON p.id = c.protocol_id
       WHERE c.closed_at IS NOT NULL AND ${yearRange('c.closed_at')} ${inDistrict} GROUP BY 1`,
      CLOSURE_REASONS,
    );
    const measures = await counts(`SELECT a.measure AS key, count(*)::int AS n FROM actions a WHERE a.case_id IN (${cohort}) GROUP BY 1`, MEASURES);
    const people: { role: string; gender: string; n: number }[] = await this.ds.query(
      `SELECT x.role, coalesce(x.gender_code, 'UNKNOWN') AS gender, count(*)::int AS n FROM persons x
       WHERE x.role IN ('VICTIM', 'ALLEGED_PERPETRATOR') AND x.case_id IN (${cohort}) GROUP BY 1, 2`,
      params,
    );
    const grid = ROLES.map((r) => GENDER_CODES.map((g) => people.find((p) => p.role === r && p.gender === g)?.n ?? 0));
    const durations: { stage: string; cases: number; median_days: number | null }[] = await this.ds.query(
      `
      WITH steps AS (
        SELECT e.at, e.type, e.detail->>'from' AS left_stage, lag(e.at) OVER (PARTITION BY e.case_id ORDER BY e.id) AS entered_at
        FROM case_events e WHERE e.type IN ('REFERRED', 'TRANSITION') AND e.case_id IN (${cohort})
      )
      SELECT left_stage AS stage, count(*)::int AS cases,
             round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - entered_at) / 86400))::numeric, 1)::float AS median_days
      FROM steps WHERE type = 'TRANSITION' AND entered_at IS NOT NULL GROUP BY left_stage`,
      params,
    );

    const own = (rows: { key: string; count: number }[], sum: number, name: string, withheld: string[]) => {
      const p = protectBreakdown(
        rows.map((r) => r.count),
        sum,
      );
      if (!p) {
        withheld.push(name);
        return { total: null, rows: [] as Row[] };
      }
      return { total: p.total, rows: rows.map((r, i) => ({ key: r.key, count: p.cells[i] ?? null })) };
    };
    const withheld: string[] = [...shared.withheld];
    const closed = own(
      closures,
      closures.reduce((a, r) => a + r.count, 0),
      'closures',
      withheld,
    );
    const measured = own(
      measures,
      measures.reduce((a, r) => a + r.count, 0),
      'measures',
      withheld,
    );
    const persons = protectTable(grid);
    const byStage = new Map(durations.map((d) => [d.stage, d]));
    return {
      district,
      year: q.year,
      generatedAt: new Date().toISOString(),
      minimumCell: MINIMUM_CELL,
      referrals: { total: shared.total, perReferringAgencyType: shared.breakdowns.perReferringAgencyType },
      inclusions: { perDecision: shared.breakdowns.perDecision },
      closures: { total: closed.total, perReason: closed.rows },
      persons: {
        roles: [...ROLES],
        genders: [...GENDER_CODES],
        cells: persons.cells,
        roleTotals: persons.rowTotals,
        genderTotals: persons.columnTotals,
        total: persons.total,
      },
      children: { cases: shared.breakdowns.childCases, children: children > 0 && children < MINIMUM_CELL ? null : children },
      languages: shared.breakdowns.languages,
      measures: { total: measured.total, perMeasure: measured.rows },
      // Medians only, over at least MINIMUM_CELL steps: the number of steps is a running sum of the
      // cases per stage and would let hidden counts be worked out by difference.
      daysPerStep: STAGES.filter((s) => s !== 'AFGESLOTEN').map((stage) => {
        const d = byStage.get(stage);
        return { stage, medianDays: d && d.cases >= MINIMUM_CELL ? d.median_days : null };
      }),
      withheld: withheld.map((w) => (w === 'childCases' ? 'children' : w)),
    };
  }

  /** The report as one table: section, code, NL label, FR label, count (empty when suppressed). */
  csv(r: AnnualReport): string {
    const rows: (string | number | null)[][] = [['section', 'key', 'label_nl', 'label_fr', 'value', 'suppressed']];
    const put = (section: string, key: string, l: { nl: string; fr: string }, value: number | null, suppressible = true) =>
      rows.push([section, key, l.nl, l.fr, value, suppressible && value === null ? 'true' : 'false']);
    rows.push(['scope', 'district', S.district!.nl, S.district!.fr, r.district ?? '*', 'false']);
    rows.push(['scope', 'year', S.year!.nl, S.year!.fr, r.year, 'false']);
    put('referrals', 'TOTAL', S.referralsTotal!, r.referrals.total);
    for (const x of r.referrals.perReferringAgencyType) put('referrals', x.key, label(x.key), x.count);
    for (const x of r.inclusions.perDecision) put('inclusions', x.key, label(x.key), x.count);
    put('closures', 'TOTAL', S.closuresTotal!, r.closures.total);
    for (const x of r.closures.perReason) put('closures', x.key, label(x.key), x.count);
    r.persons.roles.forEach((role, i) => {
      r.persons.genders.forEach((g, j) =>
        put('persons', `${role}.${g}`, { nl: `${label(role).nl} - ${label(g).nl}`, fr: `${label(role).fr} - ${label(g).fr}` }, r.persons.cells[i]![j]!),
      );
      put('persons', `${role}.TOTAL`, label(role), r.persons.roleTotals[i]!);
    });
    r.persons.genders.forEach((g, j) => put('persons', `TOTAL.${g}`, label(g), r.persons.genderTotals[j]!));
    put('persons', 'TOTAL', S.personsTotal!, r.persons.total);
    for (const x of r.children.cases) put('children', x.key, label(x.key), x.count);
    put('children', 'CHILDREN', S.childrenCount!, r.children.children);
    for (const x of r.languages) put('languages', x.key, label(x.key), x.count);
    put('measures', 'TOTAL', S.measuresTotal!, r.measures.total);
    for (const x of r.measures.perMeasure) put('measures', x.key, label(x.key), x.count);
    for (const x of r.daysPerStep) put('daysPerStep', x.stage, label(x.stage), x.medianDays);
    for (const w of r.withheld) rows.push(['withheld', w, S.withheldSection!.nl, S.withheldSection!.fr, null, 'true']);
    return toCsv(rows);
  }

  /** The report as a bilingual (NL / FR) A4 PDF. */
  async pdf(r: AnnualReport): Promise<Buffer> {
    const both = (l: { nl: string; fr: string }) => (l.nl === l.fr ? l.nl : `${l.nl} / ${l.fr}`);
    const n = (v: number | null) => (v === null ? both(S.suppressed!) : String(v));
    const w = await ReportPdf.create(`${S.title!.nl} ${r.year}`);
    w.text(S.title!.nl, { bold: true, size: 16 });
    w.text(S.title!.fr, { bold: true, size: 13, gap: 6 });
    w.text(`${both(S.district!)}: ${r.district ?? '*'}    ${both(S.year!)}: ${r.year}`);
    w.text(`${both(S.generated!)}: ${r.generatedAt}`, { grey: true, gap: 4 });
    w.text(S.note!.nl, { size: 8, grey: true });
    w.text(S.note!.fr, { size: 8, grey: true, gap: 4 });
    const section = (title: { nl: string; fr: string }, rows: { l: { nl: string; fr: string }; v: string }[]) => {
      w.heading(both(title));
      for (const x of rows) w.row(both(x.l), x.v);
    };
    section(S.referrals!, [
      { l: S.referralsTotal!, v: n(r.referrals.total) },
      ...r.referrals.perReferringAgencyType.map((x) => ({ l: label(x.key), v: n(x.count) })),
    ]);
    section(
      S.inclusions!,
      r.inclusions.perDecision.map((x) => ({ l: label(x.key), v: n(x.count) })),
    );
    section(S.closures!, [{ l: S.closuresTotal!, v: n(r.closures.total) }, ...r.closures.perReason.map((x) => ({ l: label(x.key), v: n(x.count) }))]);
    w.heading(both(S.persons!));
    r.persons.roles.forEach((role, i) => {
      w.row(both(label(role)), n(r.persons.roleTotals[i]!));
      r.persons.genders.forEach((g, j) => w.row(`   ${both(label(g))}`, n(r.persons.cells[i]![j]!)));
    });
    r.persons.genders.forEach((g, j) => w.row(`${both(S.personsTotal!)} - ${both(label(g))}`, n(r.persons.genderTotals[j]!)));
    w.row(both(S.personsTotal!), n(r.persons.total));
    section(S.children!, [...r.children.cases.map((x) => ({ l: label(x.key), v: n(x.count) })), { l: S.childrenCount!, v: n(r.children.children) }]);
    section(
      S.languages!,
      r.languages.map((x) => ({ l: label(x.key), v: n(x.count) })),
    );
    section(S.measures!, [{ l: S.measuresTotal!, v: n(r.measures.total) }, ...r.measures.perMeasure.map((x) => ({ l: label(x.key), v: n(x.count) }))]);
    section(
      S.days!,
      r.daysPerStep.map((x) => ({ l: label(x.stage), v: x.medianDays === null ? both(S.suppressed!) : String(x.medianDays) })),
    );
    if (r.withheld.length)
      section(
        S.withheldSection!,
        r.withheld.map((k) => ({ l: S[k] ?? { nl: k, fr: k }, v: '' })),
      );
    return w.finish(`Schakel - ${both(S.confidential!)}`);
  }
}
