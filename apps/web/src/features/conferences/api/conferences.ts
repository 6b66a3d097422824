import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionType } from '@schakel/domain';
import type { ConferenceAcknowledgement, ConferenceRequestInput, Page, SavedItemMinutes, ScheduledConference, StartedConference } from '@schakel/contracts';
import { api, apiBlob } from '../../../api/client';
import type { ConferenceBase, ConferenceDetail, ConferenceListItem, InvitablePerson } from '../types';

// Case conferences (casusoverleg, art. 458ter): the list, planning one (case directors), the
// invitee's confidentiality acknowledgement, and the chair's conference mode (start, minutes per
// agenda item, close and seal). Every query sits under ['conferences'].

export const conferencesKey = ['conferences'] as const;
export const conferenceKey = (id: string) => [...conferencesKey, 'detail', id] as const;

// The request schemas are libs/contracts' (src/requests/conferences.ts), shared with the API's limits.
export type ConferenceInput = ConferenceRequestInput;

const path = (id: string) => `/conferences/${encodeURIComponent(id)}`;

export const getConferences = (cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<ConferenceListItem>>(`/conferences?${params}`);
};
export const getConference = (id: string) => api<ConferenceDetail>(path(id));
export const getInvitable = (protocolId: string, caseIds: readonly string[]) => {
  const params = new URLSearchParams({ protocolId });
  if (caseIds.length) params.set('caseIds', caseIds.join(','));
  return api<{ items: InvitablePerson[] }>(`/conferences/invitable?${params}`);
};
export const createConference = (body: { protocolId: string; scheduledAt: string; location: string; caseIds: string[]; inviteeUserIds: string[] }) =>
  api<ScheduledConference>('/conferences', { method: 'POST', json: body });
export const acknowledgeConference = (id: string) => api<ConferenceAcknowledgement>(`${path(id)}/acknowledge`, { method: 'POST' });
export const startConference = ({ id, confirmDate }: { id: string; confirmDate?: boolean }) =>
  api<StartedConference>(`${path(id)}/start`, { method: 'POST', json: confirmDate ? { confirmDate: true } : {} });
export const closeConference = (id: string) => api<ConferenceBase>(`${path(id)}/close`, { method: 'POST' });
export const putItemMinutes = ({
  conferenceId,
  caseId,
  ...body
}: {
  conferenceId: string;
  caseId: string;
  minutes: string;
  attendance: { userId: string; present: boolean }[];
  decisions: { type: DecisionType; rationale: string }[];
  version?: number;
}) => api<SavedItemMinutes>(`${path(conferenceId)}/items/${encodeURIComponent(caseId)}/minutes`, { method: 'PUT', json: body });
/** minutes.pdf or invite.ics, fetched with the bearer token. */
export const getConferenceFile = (id: string, file: 'minutes.pdf' | 'invite.ics') => apiBlob(`${path(id)}/${file}`);

export const conferencesInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...conferencesKey, 'list'],
    queryFn: ({ pageParam }) => getConferences(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
export const conferenceQueryOptions = (id: string) => queryOptions({ queryKey: conferenceKey(id), queryFn: () => getConference(id) });
export const invitableQueryOptions = (protocolId: string, caseIds: readonly string[]) =>
  queryOptions({ queryKey: [...conferencesKey, 'invitable', protocolId, [...caseIds].sort()], queryFn: () => getInvitable(protocolId, caseIds) });

export const useConferences = (enabled = true) => useInfiniteQuery({ ...conferencesInfiniteQueryOptions(), enabled });
/** Polled every 4 s until closed, so the chair sees acknowledgements and attendance change without reloading. */
export const useConference = (id: string) =>
  useQuery({ ...conferenceQueryOptions(id), refetchInterval: (q) => (q.state.data?.status === 'CLOSED' ? false : 4000) });
export const useInvitable = (protocolId: string, caseIds: readonly string[]) =>
  useQuery({ ...invitableQueryOptions(protocolId, caseIds), enabled: Boolean(protocolId) });

function useConferenceMutation<V, R>(fn: (v: V) => Promise<R>, idOf: (v: V) => string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_r, v) => {
      const id = idOf(v);
      void queryClient.invalidateQueries({ queryKey: id ? conferenceKey(id) : conferencesKey });
      if (id) void queryClient.invalidateQueries({ queryKey: [...conferencesKey, 'list'] });
    },
  });
}

export const useCreateConference = () => useConferenceMutation(createConference, () => null);
export const useAcknowledgeConference = () => useConferenceMutation(acknowledgeConference, (id) => id);
export const useStartConference = () => useConferenceMutation(startConference, (v) => v.id);
export const useCloseConference = () => useConferenceMutation(closeConference, (id) => id);
export const usePutItemMinutes = () => useConferenceMutation(putItemMinutes, (v) => v.conferenceId);
export const useConferenceFile = () =>
  useMutation({ mutationFn: ({ id, file }: { id: string; file: 'minutes.pdf' | 'invite.ics' }) => getConferenceFile(id, file) });
