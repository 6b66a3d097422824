import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionType, Stage } from '@schakel/domain';
import type { AgencyInvitation, ContributionWaiver, Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { CaseListItem, CaseSummary, CaseView } from '../types';

// GET /cases, GET /cases/:id and the case director's commands on a case (transitions, invitations,
// waivers, decisions). Every query about one case sits under caseKey(id), so a change to the case
// refreshes its detail, timeline, contributions, consents and actions together.
//
// Invalidations are started, not awaited: the caller's own callbacks (closing a dialog, saying what
// was saved) run as soon as the API answers, even when the refetch then removes the component that
// started the mutation (a closed case has no transition buttons, an evaluated case no evaluation form).

export const casesKey = ['cases'] as const;
export const caseKey = (id: string) => [...casesKey, 'detail', id] as const;

export interface CaseFilters {
  stage?: Stage;
  q?: string;
  mine?: boolean;
}

// The request schemas are libs/contracts' (src/requests/cases.ts), shared with the API's DTOs.
export type { DecisionRequestInput as DecisionInput } from '@schakel/contracts';

export const getCases = (filters: CaseFilters, cursor: string | null, limit = 50) => {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.mine) params.set('mine', 'true');
  if (cursor) params.set('cursor', cursor);
  return api<Page<CaseListItem>>(`/cases?${params}`);
};

export const getCase = (id: string) => api<CaseView>(`/cases/${encodeURIComponent(id)}`);

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export const transitionCase = ({ caseId, ...body }: { caseId: string; to: Stage; reason: string; version?: number }) =>
  api<CaseSummary>(`${casePath(caseId)}/transitions`, { method: 'POST', json: body });

export const inviteAgency = ({ caseId, agencyId }: { caseId: string; agencyId: string }) =>
  api<AgencyInvitation>(`${casePath(caseId)}/agencies`, { method: 'POST', json: { agencyId } });

export const waiveContribution = ({ caseId, agencyId, reason }: { caseId: string; agencyId: string; reason: string }) =>
  api<ContributionWaiver>(`${casePath(caseId)}/agencies/${encodeURIComponent(agencyId)}/waiver`, { method: 'POST', json: { reason } });

export const recordDecision = ({ caseId, ...body }: { caseId: string; type: DecisionType; rationale: string }) =>
  api<{ id: string; type: DecisionType; createdAt: string }>(`${casePath(caseId)}/decisions`, { method: 'POST', json: body });

export const casesInfiniteQueryOptions = (filters: CaseFilters) =>
  infiniteQueryOptions({
    queryKey: [...casesKey, 'list', filters],
    queryFn: ({ pageParam }) => getCases(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const caseQueryOptions = (id: string) => queryOptions({ queryKey: caseKey(id), queryFn: () => getCase(id) });

export const useCases = (filters: CaseFilters, enabled = true) => useInfiniteQuery({ ...casesInfiniteQueryOptions(filters), enabled });

export const useCase = (id: string) => useQuery(caseQueryOptions(id));

/** A chain step moves the case between dashboard groups: the lists are refreshed too. */
export function useTransitionCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: transitionCase,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

export function useInviteAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteAgency,
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useWaiveContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: waiveContribution,
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useRecordDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordDecision,
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}
