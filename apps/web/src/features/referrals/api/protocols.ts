import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';

// GET /protocols?status=APPROVED: the protocols a referral can be filed under (only those in force count).

export interface ReferralProtocol {
  id: string;
  title: string;
  district: string;
  reference: string | null;
  inForce: boolean;
  validFrom: string;
  validUntil: string | null;
  agencyIds: string[];
}

export const getApprovedProtocols = () => api<Page<ReferralProtocol>>(`/protocols?status=APPROVED&limit=${MAX_PAGE_LIMIT}`);

export const approvedProtocolsQueryOptions = () =>
  queryOptions({ queryKey: ['protocols', 'list', { status: 'APPROVED' }, 'referral'], queryFn: getApprovedProtocols });

export const useApprovedProtocols = () => useQuery(approvedProtocolsQueryOptions());
