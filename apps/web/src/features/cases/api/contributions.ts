import type { ContributionRequestInput } from '@schakel/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Contribution, RecordedContribution } from '../types';
import { caseKey } from './cases';

// GET/POST /cases/:id/contributions: what each agency knows. The API returns the caller's own
// agency's contributions and those shared with it, nothing else.

// The request schema is libs/contracts' (src/requests/casework.ts).
export type ContributionInput = ContributionRequestInput;

export const contributionsKey = (caseId: string) => [...caseKey(caseId), 'contributions'] as const;

export const getContributions = (caseId: string) => api<{ items: Contribution[] }>(`/cases/${encodeURIComponent(caseId)}/contributions`);

export const createContribution = ({ caseId, ...input }: ContributionInput & { caseId: string }) =>
  api<RecordedContribution>(`/cases/${encodeURIComponent(caseId)}/contributions`, { method: 'POST', json: input });

export const contributionsQueryOptions = (caseId: string) => queryOptions({ queryKey: contributionsKey(caseId), queryFn: () => getContributions(caseId) });

export const useContributions = (caseId: string, enabled = true) => useQuery({ ...contributionsQueryOptions(caseId), enabled });

export function useCreateContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContribution,
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}
