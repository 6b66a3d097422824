import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Agency, Page } from '@schakel/contracts';
import { api } from './client';

/** An agency as the read-only directory gives it (GET /agencies). */
export type DirectoryAgency = Agency;

// GET /agencies, read-only: the directory the case, protocol and log screens use to pick and name
// agencies. Same query key as the administration's full list, so they share one cache and its invalidations.

export async function getAgencyDirectory(): Promise<DirectoryAgency[]> {
  const all: DirectoryAgency[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const params = new URLSearchParams({ limit: String(MAX_PAGE_LIMIT) });
    if (cursor) params.set('cursor', cursor);
    const result: Page<DirectoryAgency> = await api<Page<DirectoryAgency>>(`/agencies?${params}`);
    all.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return all;
}

export const agencyDirectoryQueryOptions = () => queryOptions({ queryKey: ['agencies', 'all'], queryFn: getAgencyDirectory, staleTime: 5 * 60_000 });

export const useAgencyDirectory = () => useQuery(agencyDirectoryQueryOptions());
