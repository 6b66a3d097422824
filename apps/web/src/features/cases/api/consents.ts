import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONSENT_METHODS, DATA_CATEGORIES, isIsoDate, MIN_JUSTIFICATION_LENGTH, NOTICE_METHODS } from '@schakel/domain';
import { z } from 'zod/mini';
import { api } from '../../../api/client';
import type { Consent, Notice } from '../types';
import { caseKey } from './cases';

// /cases/:id/consents and /cases/:id/notices: what each person agreed to, and whether they were
// told their situation is discussed (or why that is withheld).

const optionalDate = z.string().check(z.refine((v) => v === '' || isIsoDate(v), 'validation.date'));

export const consentInputSchema = z.object({
  personId: z.string().check(z.minLength(1, 'validation.choose')),
  status: z.enum(['GIVEN', 'REFUSED'], 'validation.choose'),
  method: z.enum(CONSENT_METHODS, 'validation.choose'),
  agencyIds: z.array(z.string()).check(z.minLength(1, 'validation.chooseAgency')),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).check(z.minLength(1, 'validation.chooseCategory')),
  validUntil: optionalDate,
  evidence: z.string().check(z.trim(), z.maxLength(1000, 'validation.tooLong')),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const noticeInputSchema = z
  .object({
    personId: z.string().check(z.minLength(1, 'validation.choose')),
    withheld: z.boolean(),
    /** A `datetime-local` value in Brussels time. */
    informedAt: z.string(),
    method: z.string(),
    justification: z.string().check(z.trim(), z.maxLength(5000, 'validation.tooLong')),
    reviewDate: optionalDate,
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.withheld) {
        if (v.justification.trim().length < MIN_JUSTIFICATION_LENGTH) {
          ctx.issues.push({ code: 'custom', message: 'validation.justification', path: ['justification'], input: v.justification });
        }
        return;
      }
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.informedAt)) {
        ctx.issues.push({ code: 'custom', message: 'validation.dateTime', path: ['informedAt'], input: v.informedAt });
      }
      if (!(NOTICE_METHODS as readonly string[]).includes(v.method)) {
        ctx.issues.push({ code: 'custom', message: 'validation.choose', path: ['method'], input: v.method });
      }
    }),
  );
export type NoticeInput = z.infer<typeof noticeInputSchema>;

export const consentsKey = (caseId: string) => [...caseKey(caseId), 'consents'] as const;

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

export const getConsents = (caseId: string) => api<{ items: Consent[]; notices: Notice[] }>(`${casePath(caseId)}/consents`);

export const createConsent = ({
  caseId,
  personId,
  status,
  method,
  agencyIds,
  dataCategories,
  validUntil,
  evidence,
}: ConsentInput & { caseId: string }) =>
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
  | { withheld: true; justification: string; reviewDate?: string }
  | { withheld?: false; informedAt: string; method: string }
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
