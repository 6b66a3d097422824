import { queryOptions } from '@tanstack/react-query';
import type { Me } from '@schakel/contracts';
import { api } from '../../../api/client';

// GET /me (api.md "Identity and administration").

export type { Me } from '@schakel/contracts';

export const getMe = () => api<Me>('/me');

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
