import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { StatisticsOverview } from '@schakel/contracts';

// GET /statistics/overview: aggregate counts for the steering group. Counts from 1 to 4 come back
// as null (suppressed, so nobody can be recognised), and so do the cells hidden with them so that
// they cannot be worked out from the total; medians over fewer than 5 cases are withheld.

export interface StatisticsFilters {
  from?: string;
  to?: string;
  district?: string;
}

export type { StatisticsOverview } from '@schakel/contracts';

export const getStatistics = (filters: StatisticsFilters) => {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.district?.trim()) params.set('district', filters.district.trim());
  const query = params.toString();
  return api<StatisticsOverview>(`/statistics/overview${query ? `?${query}` : ''}`);
};

export const statisticsQueryOptions = (filters: StatisticsFilters) =>
  queryOptions({ queryKey: ['statistics', 'overview', filters], queryFn: () => getStatistics(filters) });

export const useStatistics = (filters: StatisticsFilters) => useQuery({ ...statisticsQueryOptions(filters), placeholderData: keepPreviousData });
