import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RiskAssessment, RiskInstrumentDefinition, RiskInstrumentSummary } from '@schakel/contracts';
import { type RiskAnswer, type RiskLevel, type ViolencePattern } from '@schakel/domain';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// Weging: the versioned risk instruments (GET /risk-instruments, …/:key/:version) and a case's
// structured professional judgements (GET/POST /cases/:id/risk-assessments). Schakel never
// computes a score: `score` and `suggestedLevel` exist only when the instrument has validated scoring.

export type { RiskAssessment, RiskInstrumentDefinition, RiskInstrumentSummary } from '@schakel/contracts';

export interface RiskAssessmentInput {
  caseId: string;
  instrument: string;
  version: number;
  personId: string;
  answers: Record<string, RiskAnswer>;
  level: RiskLevel;
  levelRationale?: string;
  violencePattern?: ViolencePattern;
}

export const getRiskInstruments = () => api<{ items: RiskInstrumentSummary[] }>('/risk-instruments');
export const getRiskInstrument = (key: string, version: number) =>
  api<RiskInstrumentDefinition>(`/risk-instruments/${encodeURIComponent(key)}/${encodeURIComponent(String(version))}`);

const assessmentsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/risk-assessments`;
export const getRiskAssessments = (caseId: string, personId: string) =>
  api<{ items: RiskAssessment[] }>(`${assessmentsPath(caseId)}?${new URLSearchParams({ personId })}`);
export const createRiskAssessment = ({ caseId, ...body }: RiskAssessmentInput) => api<RiskAssessment>(assessmentsPath(caseId), { method: 'POST', json: body });

export const riskInstrumentsQueryOptions = () => queryOptions({ queryKey: ['risk-instruments'], queryFn: getRiskInstruments, staleTime: Infinity });
export const riskInstrumentQueryOptions = (key: string, version: number) =>
  queryOptions({ queryKey: ['risk-instruments', key, version], queryFn: () => getRiskInstrument(key, version), staleTime: Infinity });
export const riskAssessmentsKey = (caseId: string) => [...caseKey(caseId), 'risk-assessments'] as const;
export const riskAssessmentsQueryOptions = (caseId: string, personId: string) =>
  queryOptions({ queryKey: [...riskAssessmentsKey(caseId), personId], queryFn: () => getRiskAssessments(caseId, personId) });

export const useRiskInstruments = () => useQuery(riskInstrumentsQueryOptions());
/** An instrument version never changes, so it is read once. */
export const useRiskInstrument = (key: string | undefined, version: number | undefined) =>
  useQuery({ ...riskInstrumentQueryOptions(key ?? '', version ?? 0), enabled: Boolean(key && version) });
export const useRiskAssessments = (caseId: string, personId: string) =>
  useQuery({ ...riskAssessmentsQueryOptions(caseId, personId), enabled: Boolean(personId) });

/** Records an assessment; the case (its risk level, timeline) and the person's history are read again. */
export function useCreateRiskAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRiskAssessment,
    onSuccess: (_a, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}
