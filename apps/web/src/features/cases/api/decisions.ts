import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionType } from '@schakel/domain';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// GET /cases/:id/decisions: the inclusion decisions taken at the weighing step, oldest first.

export interface Decision {
  id: string;
  caseId: string;
  type: DecisionType;
  rationale: string;
  conferenceId: string | null;
  decidedBy: string;
  createdAt: string;
}

export const getDecisions = (caseId: string) => api<{ items: Decision[] }>(`/cases/${encodeURIComponent(caseId)}/decisions`);

export const decisionsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: [...caseKey(caseId), 'decisions'], queryFn: () => getDecisions(caseId) });

export const useDecisions = (caseId: string) => useQuery(decisionsQueryOptions(caseId));
