import type { ConsentRequestInput, NoticeRequestInput } from '@schakel/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Consent, Notice } from '../types';
import { caseKey } from './cases';

// /cases/:id/consents and /cases/:id/notices: what each person agreed to, and whether they were
// told their situation is discussed (or why that is withheld).

// The request schemas are libs/contracts' (src/requests/casework.ts).
export type ConsentInput = ConsentRequestInput;
export type NoticeInput = NoticeRequestInput;

export const consentsKey = (caseId: string) => [...caseKey(caseId), 'consents'] as const;

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

export const getConsents = (caseId: string) => api<{ items: Consent[]; notices: Notice[] }>(`${casePath(caseId)}/consents`);

export const createConsent = ({ caseId, personId, status, method, agencyIds, dataCategories, validUntil, evidence }: ConsentInput & { caseId: string }) =>
  api<Consent>(`${casePath(caseId)}/consents`, {
    method: 'POST',
    json: {
      personId,
      status,
      method,
      scope: { agencyIds, dataCategories },
      ...(validUntil ? { validUntil } : {}),
      ...(evidence.trim() ? { evidence: evidence.trim() } : {}),
    },
  });

export const withdrawConsent = ({ caseId, consentId, reason }: { caseId: string; consentId: string; reason?: string }) =>
  api<Consent>(`${casePath(caseId)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
    method: 'POST',
    json: reason?.trim() ? { reason: reason.trim() } : {},
  });

/** `informedAt` is already an ISO instant here (converted from Brussels time by the form). */
export const createNotice = ({
  caseId,
  ...body
}: { caseId: string; personId: string } & (
  { withheld: true; justification: string; reviewDate?: string } | { withheld?: false; informedAt: string; method: string }
)) => api<Notice>(`${casePath(caseId)}/notices`, { method: 'POST', json: body });

export const consentsQueryOptions = (caseId: string) => queryOptions({ queryKey: consentsKey(caseId), queryFn: () => getConsents(caseId) });

export const useConsents = (caseId: string, enabled = true) => useQuery({ ...consentsQueryOptions(caseId), enabled });

function useCaseMutation<V extends { caseId: string }, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_d, _e, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

export const useCreateConsent = () => useCaseMutation(createConsent);
export const useWithdrawConsent = () => useCaseMutation(withdrawConsent);
export const useCreateNotice = () => useCaseMutation(createNotice);
