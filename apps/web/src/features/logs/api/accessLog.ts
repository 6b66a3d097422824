import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { AccessLogEntry } from '../types';

// GET /access-log (DPO): every read of case content, newest first.

export const getAccessLog = (cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<AccessLogEntry>>(`/access-log?${params}`);
};

export const accessLogInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['access-log', 'list'],
    queryFn: ({ pageParam }) => getAccessLog(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useAccessLog = () => useInfiniteQuery(accessLogInfiniteQueryOptions());
