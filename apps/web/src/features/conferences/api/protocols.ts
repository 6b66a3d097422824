import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { Protocol } from '@schakel/contracts';

// GET /protocols?status=APPROVED, read-only: the protocols a conference can be held under.

/** The protocol fields the conference form uses. */
export type ConferenceProtocol = Pick<Protocol, 'id' | 'title' | 'district' | 'reference' | 'inForce'>;

export const getApprovedProtocols = () => api<Page<ConferenceProtocol>>(`/protocols?status=APPROVED&limit=${MAX_PAGE_LIMIT}`);

export const approvedProtocolsQueryOptions = () =>
  queryOptions({ queryKey: ['protocols', 'list', { status: 'APPROVED' }, 'conference'], queryFn: getApprovedProtocols });

export const useApprovedProtocols = () => useQuery(approvedProtocolsQueryOptions());
