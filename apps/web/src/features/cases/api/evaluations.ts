import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationOutcome } from '@schakel/domain';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// GET /cases/:id/evaluations: the evaluations of the case, oldest first (readable with the actions).

export interface Evaluation {
  id: string;
  caseId: string;
  outcome: EvaluationOutcome;
  summary: string;
  riskAssessmentId: string | null;
  createdBy: string;
  createdAt: string;
}

export const getEvaluations = (caseId: string) => api<{ items: Evaluation[] }>(`/cases/${encodeURIComponent(caseId)}/evaluations`);

export const evaluationsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: [...caseKey(caseId), 'evaluations'], queryFn: () => getEvaluations(caseId) });

export const useEvaluations = (caseId: string, enabled = true) => useQuery({ ...evaluationsQueryOptions(caseId), enabled });
