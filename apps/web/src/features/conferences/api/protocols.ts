import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';

// GET /protocols?status=APPROVED, read-only: the protocols a conference can be held under.

export interface ConferenceProtocol {
  id: string;
  title: string;
  district: string;
  reference: string | null;
  inForce: boolean;
}

export const getApprovedProtocols = () => api<Page<ConferenceProtocol>>(`/protocols?status=APPROVED&limit=${MAX_PAGE_LIMIT}`);

export const approvedProtocolsQueryOptions = () =>
  queryOptions({ queryKey: ['protocols', 'list', { status: 'APPROVED' }, 'conference'], queryFn: getApprovedProtocols });

export const useApprovedProtocols = () => useQuery(approvedProtocolsQueryOptions());
