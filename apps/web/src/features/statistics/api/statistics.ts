import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

// GET /statistics/overview: aggregate counts for the steering group. Counts from 1 to 4 come back
// as null (suppressed, so nobody can be recognised), and so do the cells hidden with them so that
// they cannot be worked out from the total; medians over fewer than 5 cases are withheld.

export interface StatisticsFilters {
  from?: string;
  to?: string;
  district?: string;
}

export interface StatisticsOverview {
  scope: { district: string | null; from: string | null; to: string | null };
  generatedAt: string;
  minimumCell: number;
  totalCases: number | null;
  /** Breakdowns left out entirely: only hiding the shared total could have protected them. */
  withheld: string[];
  perStage: { stage: string; count: number | null }[];
  perReferringAgencyType: { agencyType: string | null; count: number | null }[];
  perRiskLevel: { riskLevel: string | null; count: number | null }[];
  perOutcome: { closureReason: string | null; count: number | null }[];
  medianDaysPerStage: { stage: string; cases: number | null; medianDays: number | null }[];
}

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
