import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Evaluation } from '@schakel/contracts';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// GET /cases/:id/evaluations: the evaluations of the case, oldest first (readable with the actions).

export type { Evaluation } from '@schakel/contracts';

export const getEvaluations = (caseId: string) => api<{ items: Evaluation[] }>(`/cases/${encodeURIComponent(caseId)}/evaluations`);

export const evaluationsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: [...caseKey(caseId), 'evaluations'], queryFn: () => getEvaluations(caseId) });

export const useEvaluations = (caseId: string, enabled = true) => useQuery({ ...evaluationsQueryOptions(caseId), enabled });
