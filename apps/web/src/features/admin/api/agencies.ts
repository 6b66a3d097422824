import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { AgencyRequestInput, Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { Agency } from '../types';

// The /agencies endpoint group. Every mutation invalidates the whole ['agencies'] prefix: the
// list, the full list used by pickers, and the detail.

// The request schema is libs/contracts' (src/requests/admin.ts), shared with the API's limits.
export type AgencyInput = AgencyRequestInput;
export type AgencyPatch = Partial<AgencyInput & { active: boolean }> & { version: number };

export const agenciesKey = ['agencies'] as const;

export const getAgencies = (cursor: string | null, limit = 50) => {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api<Page<Agency>>(`/agencies?${params}`);
};

/** Every agency, following cursors; for pickers (agencies are a few dozen, not thousands). */
export async function getAllAgencies(): Promise<Agency[]> {
  const all: Agency[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const result: Page<Agency> = await getAgencies(cursor, MAX_PAGE_LIMIT);
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

export const getAgency = (id: string) => api<Agency>(`/agencies/${encodeURIComponent(id)}`);

export const createAgency = (input: AgencyInput) => api<Agency>('/agencies', { method: 'POST', json: input });

export const updateAgency = ({ id, ...patch }: AgencyPatch & { id: string }) =>
  api<Agency>(`/agencies/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const agenciesInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...agenciesKey, 'list'],
    queryFn: ({ pageParam }) => getAgencies(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const allAgenciesQueryOptions = () => queryOptions({ queryKey: [...agenciesKey, 'all'], queryFn: getAllAgencies });

export const agencyQueryOptions = (id: string) => queryOptions({ queryKey: [...agenciesKey, 'detail', id], queryFn: () => getAgency(id) });

export const useAgencies = () => useInfiniteQuery(agenciesInfiniteQueryOptions());

export const useAllAgencies = () => useQuery(allAgenciesQueryOptions());

export const useAgency = (id: string) => useQuery(agencyQueryOptions(id));

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAgency,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agenciesKey }),
  });
}

/** PATCH with the version read; on 409 STALE_VERSION the caller reloads and says so. */
export function useUpdateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAgency,
    // Also after an error: a stale version means our copy is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: agenciesKey }),
  });
}
