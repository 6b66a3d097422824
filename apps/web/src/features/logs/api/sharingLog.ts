import { infiniteQueryOptions, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { Page, SharingLogExport } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { ChainVerdict, SharingLogEntry } from '../types';

// The sharing log: review (filtered, newest first), verification of the whole hash chain, and an
// export a prosecutor can verify offline.

export interface SharingLogFilters {
  protocolId?: string;
  caseId?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

export const sharingLogKey = ['sharing-log'] as const;

export const getSharingLog = (filters: SharingLogFilters, cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  return api<Page<SharingLogEntry>>(`/sharing-log?${params}`);
};

export const verifySharingLog = () => api<ChainVerdict>('/sharing-log/verify');

/** The export as the API sends it; kept as parsed JSON and written back out unchanged. */
export const exportSharingLog = () => api<SharingLogExport>('/sharing-log/export');

export const sharingLogInfiniteQueryOptions = (filters: SharingLogFilters) =>
  infiniteQueryOptions({
    queryKey: [...sharingLogKey, 'list', filters],
    queryFn: ({ pageParam }) => getSharingLog(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useSharingLog = (filters: SharingLogFilters) => useInfiniteQuery(sharingLogInfiniteQueryOptions(filters));

/** Verification is an action the reviewer starts (it reads the whole chain), not a cached query. */
export const useVerifySharingLog = () => useMutation({ mutationFn: verifySharingLog });

export const useExportSharingLog = () => useMutation({ mutationFn: exportSharingLog });
