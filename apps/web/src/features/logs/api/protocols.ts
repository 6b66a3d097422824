import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { ProtocolOption } from '../types';

// GET /protocols, for the sharing log's protocol filter: the protocols the reviewer may see.

export const getProtocolOptions = () => api<Page<ProtocolOption>>(`/protocols?limit=${MAX_PAGE_LIMIT}`);

export const protocolOptionsQueryOptions = () => queryOptions({ queryKey: ['protocols', 'list', 'log-filter'], queryFn: getProtocolOptions });

export const useProtocolOptions = () => useQuery(protocolOptionsQueryOptions());
