import type { EntityManager } from 'typeorm';
import type { ActionStatus, EvaluationOutcome } from '@schakel/domain';
import { CaseAction } from './case-action.entity';
import { Evaluation } from './evaluation.entity';

/** What the case chain's guards read of the action plan (the actions module owns `actions` and `evaluations`). */
export interface ActionFact {
  ownerAgencyId: string;
  dueDate: string;
  status: ActionStatus;
}

export async function actionFacts(m: EntityManager, caseId: string): Promise<ActionFact[]> {
  return (await m.getRepository(CaseAction).findBy({ caseId })).map((a) => ({ ownerAgencyId: a.ownerAgencyId, dueDate: a.dueDate, status: a.status }));
}

/** The outcome of the latest evaluation of a case made since `since` (the case entered its stage), or null. */
export async function latestEvaluationOutcome(m: EntityManager, caseId: string, since: Date): Promise<EvaluationOutcome | null> {
  const e = await m
    .getRepository(Evaluation)
    .createQueryBuilder('e')
    .where('e.case_id = :id AND e.created_at >= :since', { id: caseId, since })
    .orderBy('e.created_at', 'DESC')
    .getOne();
  return e?.outcome ?? null;
}
