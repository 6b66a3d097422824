import { z } from 'zod/mini';
import { protocolModalitiesSchema } from './protocols';
import { int, isoDate, nullable, timestamp, uuid } from './schema';

// GET /statistics/overview: aggregate counts for the steering group (ADR 0014). Counts 1–4, and the
// cells hidden with them so they cannot be worked out from a total, are null.

const count = () => nullable(int());

export const statisticsOverviewSchema = z.strictObject({
  scope: z.strictObject({ district: nullable(z.string()), from: nullable(z.string()), to: nullable(z.string()) }),
  generatedAt: timestamp(),
  minimumCell: int(),
  totalCases: count(),
  /** Breakdowns left out entirely: only hiding the shared total could have protected them. */
  withheld: z.array(z.string()),
  perStage: z.array(z.strictObject({ stage: nullable(z.string()), count: count() })),
  perReferringAgencyType: z.array(z.strictObject({ agencyType: nullable(z.string()), count: count() })),
  perRiskLevel: z.array(z.strictObject({ riskLevel: nullable(z.string()), count: count() })),
  perOutcome: z.array(z.strictObject({ closureReason: nullable(z.string()), count: count() })),
  medianDaysPerStage: z.array(z.strictObject({ stage: z.string(), cases: count(), medianDays: nullable(z.number()) })),
});
export type StatisticsOverview = z.infer<typeof statisticsOverviewSchema>;

const row = z.strictObject({ key: z.string(), count: count() });

/** GET /statistics/annual-report (JSON form): a district's yearly steering figures, small cells and their complements null. */
export const annualReportSchema = z.strictObject({
  district: nullable(z.string()),
  year: int(),
  generatedAt: timestamp(),
  minimumCell: int(),
  referrals: z.strictObject({ total: count(), perReferringAgencyType: z.array(row) }),
  inclusions: z.strictObject({ perDecision: z.array(row) }),
  closures: z.strictObject({ total: count(), perReason: z.array(row) }),
  /** Victims and alleged perpetrators by gender: `cells[role][gender]`. */
  persons: z.strictObject({
    roles: z.array(z.string()),
    genders: z.array(z.string()),
    cells: z.array(z.array(count())),
    roleTotals: z.array(count()),
    genderTotals: z.array(count()),
    total: count(),
  }),
  children: z.strictObject({ cases: z.array(row), children: count() }),
  languages: z.array(row),
  measures: z.strictObject({ total: count(), perMeasure: z.array(row) }),
  daysPerStep: z.array(z.strictObject({ stage: z.string(), medianDays: nullable(z.number()) })),
  /** Sections not published at all because only hiding a shared total could protect them. */
  withheld: z.array(z.string()),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

const keyed = z.strictObject({ key: z.string(), label: z.string() });

/** GET /processing-record (JSON form): the record of processing activities (GDPR art. 30), one activity per approved or suspended protocol. */
export const processingRecordSchema = z.strictObject({
  title: z.string(),
  lang: z.enum(['nl', 'fr']),
  generatedAt: timestamp(),
  intro: z.string(),
  securityMeasures: z.array(z.string()),
  activities: z.array(
    z.strictObject({
      protocolId: uuid(),
      name: z.string(),
      reference: nullable(z.string()),
      district: z.string(),
      status: z.string(),
      validFrom: isoDate(),
      validUntil: nullable(isoDate()),
      purposes: z.array(z.string()),
      legalBases: z.array(z.strictObject({ key: z.string(), reference: z.string(), label: z.string() })),
      dataSubjects: z.array(keyed),
      dataCategories: z.array(keyed),
      /** The signatory agencies: joint controllers and, among each other, the recipients. */
      recipients: z.array(z.strictObject({ agencyId: uuid(), name: z.string(), type: z.string(), district: z.string() })),
      retention: z.strictObject({ months: int(), description: z.string() }),
      transfersOutsideEea: z.string(),
      modalities: nullable(protocolModalitiesSchema),
    }),
  ),
});
export type ProcessingRecord = z.infer<typeof processingRecordSchema>;
