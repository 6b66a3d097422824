import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { LoginAuditEntry } from '../types';

// GET /login-audit (DPO): sign-ins, failures, lockouts, MFA and role changes, newest first.

export const getLoginAudit = (cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<LoginAuditEntry>>(`/login-audit?${params}`);
};

export const loginAuditInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['login-audit', 'list'],
    queryFn: ({ pageParam }) => getLoginAudit(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useLoginAudit = () => useInfiniteQuery(loginAuditInfiniteQueryOptions());
