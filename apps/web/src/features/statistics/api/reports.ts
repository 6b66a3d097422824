import { useMutation } from '@tanstack/react-query';
import { apiBlob } from '../../../api/client';

// GET /statistics/annual-report?format=csv|pdf (steering figures of a year, suppressed like the
// overview) and GET /processing-record?format=pdf&lang=nl|fr (the DPO's record of processing).

export interface AnnualReportRequest {
  year: number;
  district?: string;
  format: 'csv' | 'pdf';
}

export const getAnnualReportFile = ({ year, district, format }: AnnualReportRequest) => {
  const params = new URLSearchParams({ year: String(year), format });
  if (district?.trim()) params.set('district', district.trim());
  return apiBlob(`/statistics/annual-report?${params.toString()}`);
};

export const getProcessingRecordPdf = (lang: 'nl' | 'fr') => apiBlob(`/processing-record?format=pdf&lang=${lang}`);

export const useAnnualReportFile = () => useMutation({ mutationFn: getAnnualReportFile });
export const useProcessingRecordPdf = () => useMutation({ mutationFn: getProcessingRecordPdf });
