import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { Agency } from '../types';

// GET /agencies, read-only: agency names in the logs. Same query key as the administration's full
// list, so the two share one cache and its invalidations.

export async function getAgencyDirectory(): Promise<Agency[]> {
  const all: Agency[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const params = new URLSearchParams({ limit: String(MAX_PAGE_LIMIT) });
    if (cursor) params.set('cursor', cursor);
    const result: Page<Agency> = await api<Page<Agency>>(`/agencies?${params}`);
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

export const agencyDirectoryQueryOptions = () =>
  queryOptions({ queryKey: ['agencies', 'all'], queryFn: getAgencyDirectory, staleTime: 5 * 60_000 });

export const useAgencyDirectory = () => useQuery(agencyDirectoryQueryOptions());
