import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataCategory } from '@schakel/domain';
import type { Page, ProtocolModalitiesView, ProtocolRequestInput } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { Protocol } from '../types';

// The /protocols endpoint group. A draft is edited with the version read (409 STALE_VERSION when
// someone else saved first); submit, approve, reject, suspend and amend move it through its life.

// The request schemas are libs/contracts' (src/requests/protocols.ts), shared with the API's limits.
export type ProtocolFormInput = ProtocolRequestInput;

export interface ProtocolBody {
  title: string;
  district: string;
  purpose: string;
  agencyIds: string[];
  dataCategories: DataCategory[];
  retentionMonths: number;
  validFrom: string;
  validUntil: string | null;
  approverAgencyIds: string[];
  modalities?: ProtocolModalitiesView;
}

export const protocolsKey = ['protocols'] as const;
const path = (id: string) => `/protocols/${encodeURIComponent(id)}`;

export const getProtocols = (cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<Protocol>>(`/protocols?${params}`);
};

export const getProtocol = (id: string) => api<Protocol>(path(id));

export const createProtocol = (body: ProtocolBody) => api<Protocol>('/protocols', { method: 'POST', json: body });

export const updateProtocol = ({ id, ...patch }: Partial<ProtocolBody> & { id: string; version: number }) =>
  api<Protocol>(path(id), { method: 'PATCH', json: patch });

export type ProtocolCommand =
  | { id: string; action: 'submit' }
  | { id: string; action: 'amend' }
  | { id: string; action: 'approve'; reference: string; motivation: string }
  | { id: string; action: 'reject' | 'suspend' | 'lift'; reason: string };

export const protocolCommand = (command: ProtocolCommand) => {
  const { id, action, ...body } = command;
  const route = action === 'lift' ? 'suspension/lift' : action;
  return api<Protocol>(`${path(id)}/${route}`, { method: 'POST', json: body });
};

export const protocolsInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...protocolsKey, 'list'],
    queryFn: ({ pageParam }) => getProtocols(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const protocolQueryOptions = (id: string) => queryOptions({ queryKey: [...protocolsKey, 'detail', id], queryFn: () => getProtocol(id) });

export const useProtocols = () => useInfiniteQuery(protocolsInfiniteQueryOptions());

export const useProtocol = (id: string) => useQuery(protocolQueryOptions(id));

export function useCreateProtocol() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createProtocol, onSuccess: () => void queryClient.invalidateQueries({ queryKey: protocolsKey }) });
}

/** PATCH with the version read; on 409 STALE_VERSION the caller reloads and says so. */
export function useUpdateProtocol() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateProtocol, onSettled: () => void queryClient.invalidateQueries({ queryKey: protocolsKey }) });
}

export function useProtocolCommand() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: protocolCommand, onSettled: () => void queryClient.invalidateQueries({ queryKey: protocolsKey }) });
}
