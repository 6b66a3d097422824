import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { Protocol } from '@schakel/contracts';

// GET /protocols?status=APPROVED: the protocols a referral can be filed under (only those in force count).

/** The protocol fields the referral form uses. */
export type ReferralProtocol = Pick<Protocol, 'id' | 'title' | 'district' | 'reference' | 'inForce' | 'validFrom' | 'validUntil' | 'agencyIds'>;

export const getApprovedProtocols = () => api<Page<ReferralProtocol>>(`/protocols?status=APPROVED&limit=${MAX_PAGE_LIMIT}`);

export const approvedProtocolsQueryOptions = () =>
  queryOptions({ queryKey: ['protocols', 'list', { status: 'APPROVED' }, 'referral'], queryFn: getApprovedProtocols });

export const useApprovedProtocols = () => useQuery(approvedProtocolsQueryOptions());
