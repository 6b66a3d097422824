import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DecisionListItem } from '@schakel/contracts';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// GET /cases/:id/decisions: the inclusion decisions taken at the weighing step, oldest first.

/** A decision as GET /cases/:id/decisions lists it. */
export type Decision = DecisionListItem;

export const getDecisions = (caseId: string) => api<{ items: Decision[] }>(`/cases/${encodeURIComponent(caseId)}/decisions`);

export const decisionsQueryOptions = (caseId: string) => queryOptions({ queryKey: [...caseKey(caseId), 'decisions'], queryFn: () => getDecisions(caseId) });

export const useDecisions = (caseId: string) => useQuery(decisionsQueryOptions(caseId));
