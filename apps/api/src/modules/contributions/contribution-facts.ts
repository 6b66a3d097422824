import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@schakel/domain';
import { Contribution } from './contribution.entity';

/** How other modules read contributions (the contributions module owns `contributions`): never their content. */
export interface ContributionRef {
  id: string;
  caseId: string;
  agencyId: string;
  category: DataCategory;
}

/** A contribution of this case, without its content, or null. */
export async function contributionOf(m: EntityManager, caseId: string, contributionId: string): Promise<ContributionRef | null> {
  const c = await m
    .getRepository(Contribution)
    .findOne({ select: { id: true, caseId: true, agencyId: true, category: true }, where: { id: contributionId, caseId } });
  return c ? { id: c.id, caseId: c.caseId, agencyId: c.agencyId, category: c.category } : null;
}

/** The agencies that contributed to a case (whether, not what). */
export async function contributingAgencyIds(m: EntityManager, caseId: string): Promise<string[]> {
  const rows = await m
    .getRepository(Contribution)
    .createQueryBuilder('x')
    .select('DISTINCT x.agency_id', 'agencyId')
    .where('x.case_id = :id', { id: caseId })
    .getRawMany<{ agencyId: string }>();
  return rows.map((r) => r.agencyId);
}
