import { z } from 'zod/mini';
import { int, nullable, timestamp } from './schema';

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
