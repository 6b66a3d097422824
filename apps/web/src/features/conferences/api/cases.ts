import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_LIMIT, type Stage } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { api } from '../../../api/client';

// GET /cases?mine=true, read-only: the cases the case director directs, to put on an agenda.

export interface AgendaCaseOption {
  id: string;
  reference: string;
  stage: Stage;
  protocolId?: string;
  limited?: true;
}

export const getMyCases = () => api<Page<AgendaCaseOption>>(`/cases?mine=true&limit=${MAX_PAGE_LIMIT}`);

export const myCasesQueryOptions = () => queryOptions({ queryKey: ['cases', 'list', { mine: true }, 'conference'], queryFn: getMyCases });

export const useMyCases = () => useQuery(myCasesQueryOptions());
