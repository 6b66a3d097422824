import type { Disclosure, DisclosureRequestInput } from '@schakel/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type LegalBasis } from '@schakel/domain';
import { api } from '../../../api/client';
import type { LegalBasisOption, Refusal } from '../types';
import { caseKey } from './cases';
import { contributionsKey } from './contributions';

// Sharing one contribution (art. 458ter and the other legal bases): which bases are open for the
// chosen receiving agencies, and the disclosure itself. The API refuses what the law refuses (422
// with `code` and every reason in `refusals[]`); the dialog shows the same reasons beforehand.

// The request schema is libs/contracts' (src/requests/casework.ts).
export type DisclosureInput = DisclosureRequestInput;

/** The answer to a disclosure: libs/contracts' `Disclosure`. */
export type DisclosureEntry = Disclosure;

const contributionPath = (caseId: string, contributionId: string) => `/cases/${encodeURIComponent(caseId)}/contributions/${encodeURIComponent(contributionId)}`;

export const getLegalBases = (caseId: string, contributionId: string, toAgencyIds: readonly string[], consentId?: string) => {
  const params = new URLSearchParams({ toAgencyIds: toAgencyIds.join(',') });
  if (consentId) params.set('consentId', consentId);
  return api<{ items: LegalBasisOption[] }>(`${contributionPath(caseId, contributionId)}/legal-bases?${params}`);
};

export const disclose = ({
  caseId,
  contributionId,
  toAgencyIds,
  legalBasis,
  consentId,
  justification,
  personId,
  dangerStatement,
  provision,
}: {
  caseId: string;
  contributionId: string;
  toAgencyIds: string[];
  legalBasis: LegalBasis;
  consentId?: string;
  justification?: string;
  personId?: string;
  dangerStatement?: string;
  provision?: string;
}) =>
  api<DisclosureEntry>(`${contributionPath(caseId, contributionId)}/disclosures`, {
    method: 'POST',
    json: {
      toAgencyIds,
      legalBasis,
      ...(legalBasis === 'CONSENT' ? { consentId } : {}),
      ...(justification ? { justification } : {}),
      ...(personId ? { personId } : {}),
      ...(dangerStatement ? { dangerStatement } : {}),
      ...(provision ? { provision } : {}),
    },
  });

export const legalBasesQueryOptions = (caseId: string, contributionId: string, toAgencyIds: readonly string[], consentId?: string) =>
  queryOptions({
    queryKey: [...contributionsKey(caseId), contributionId, 'legal-bases', [...toAgencyIds].sort(), consentId ?? null],
    queryFn: () => getLegalBases(caseId, contributionId, toAgencyIds, consentId),
    staleTime: 0,
  });

/** Asked again whenever the receiving agencies or the consent change; the previous answer stays on screen meanwhile. */
export const useLegalBases = (caseId: string, contributionId: string, toAgencyIds: readonly string[], consentId?: string) =>
  useQuery({
    ...legalBasesQueryOptions(caseId, contributionId, toAgencyIds, consentId),
    enabled: toAgencyIds.length > 0,
    placeholderData: keepPreviousData,
  });

export function useDisclose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disclose,
    onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
  });
}

/** The `refusals[]` of a refused disclosure (422), if the answer has them. */
export function refusalsOf(body: Record<string, unknown> | undefined): Refusal[] {
  const refusals = body?.['refusals'];
  return Array.isArray(refusals) ? (refusals as Refusal[]) : [];
}
