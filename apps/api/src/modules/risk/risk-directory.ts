import type { EntityManager } from 'typeorm';
import type { RiskIndicators, RiskLevel } from '@schakel/domain';
import { RiskAssessment } from './risk-assessment.entity';

/** How other modules read risk assessments (the risk module owns `risk_assessments`): codes only, no answers. */
export interface AssessmentSummary {
  instrumentKey: string;
  instrumentVersion: number;
  level: RiskLevel;
  indicators: RiskIndicators;
  createdAt: Date;
}

/** The assessments of one person, oldest first (GDPR export). */
export async function assessmentsOfPerson(m: EntityManager, personId: string): Promise<AssessmentSummary[]> {
  return (await m.getRepository(RiskAssessment).find({ where: { personId }, order: { createdAt: 'ASC' } })).map((a) => ({
    instrumentKey: a.instrumentKey,
    instrumentVersion: a.instrumentVersion,
    level: a.level,
    indicators: a.indicators,
    createdAt: a.createdAt,
  }));
}
