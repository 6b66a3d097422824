import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ViolenceForm } from '@schakel/domain';
import { api } from '../../../api/client';
import type { CaseIncident, CaseTeam } from '../types';
import { caseKey, casesKey } from './cases';
import type { Handover, TeamCandidate } from '@schakel/contracts';

// The case team, handover, incidents and reopening (docs/api-extensions.md, "Casework").

export type { TeamCandidate } from '@schakel/contracts';

const enc = encodeURIComponent;

export const useTeamCandidates = (caseId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...caseKey(caseId), 'team-candidates'],
    queryFn: () => api<{ items: TeamCandidate[] }>(`/cases/${enc(caseId)}/team/candidates`),
    enabled,
  });

export function useHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: { caseId: string; toUserId: string; reason: string }) =>
      api<Handover>(`/cases/${enc(caseId)}/handover`, { method: 'POST', json: body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

export function useAddDeputy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, userId }: { caseId: string; userId: string }) =>
      api<CaseTeam>(`/cases/${enc(caseId)}/team`, { method: 'POST', json: { userId, role: 'DEPUTY' } }),
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useRemoveDeputy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, userId }: { caseId: string; userId: string }) => api<CaseTeam>(`/cases/${enc(caseId)}/team/${enc(userId)}`, { method: 'DELETE' }),
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useAddIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: { caseId: string; date: string; types: ViolenceForm[]; policeReference?: string }) =>
      api<CaseIncident>(`/cases/${enc(caseId)}/incidents`, { method: 'POST', json: body }),
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export function useReopen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, reason }: { caseId: string; reason: string }) =>
      api<{ stage: string }>(`/cases/${enc(caseId)}/reopen`, { method: 'POST', json: { reason } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}
