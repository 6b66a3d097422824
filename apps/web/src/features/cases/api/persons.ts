import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DataRequest } from '@schakel/contracts';
import type { LegalBasis, PersonRole, RelationshipType, RelationshipViolence } from '@schakel/domain';
import { api } from '../../../api/client';
import { caseKey } from './cases';

// Persons after referral, relationships, and need-to-know requests and disclosures of person data (api-extensions.md, "Privacy").

export type PersonDataCategory = 'IDENTIFICATION' | 'CONTACT';

export interface PersonInput {
  role?: PersonRole;
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  nationalNumber?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  confidentialAddress?: boolean;
  version?: number;
}

export type { DataRequest } from '@schakel/contracts';

const enc = encodeURIComponent;
const post = <T>(path: string, body: unknown, method = 'POST') => api<T>(path, { method, json: body });

export const dataRequestsQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: [...caseKey(caseId), 'data-requests'], queryFn: () => api<{ items: DataRequest[] }>(`/cases/${enc(caseId)}/data-requests`) });
export const useDataRequests = (caseId: string, enabled: boolean) => useQuery({ ...dataRequestsQueryOptions(caseId), enabled });

function useCaseMutation<V extends { caseId: string }>(fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: (_d, { caseId }) => void queryClient.invalidateQueries({ queryKey: caseKey(caseId) }) });
}

export const useAddPerson = () => useCaseMutation(({ caseId, input }: { caseId: string; input: PersonInput }) => post(`/cases/${enc(caseId)}/persons`, input));
export const useUpdatePerson = () =>
  useCaseMutation(({ caseId, personId, input }: { caseId: string; personId: string; input: PersonInput }) =>
    post(`/cases/${enc(caseId)}/persons/${enc(personId)}`, input, 'PATCH'),
  );
export const useAddRelationship = () =>
  useCaseMutation(({ caseId, ...body }: { caseId: string; fromPersonId: string; toPersonId: string; type: RelationshipType; violence: RelationshipViolence }) =>
    post(`/cases/${enc(caseId)}/relationships`, body),
  );
export const useRequestPersonData = () =>
  useCaseMutation(({ caseId, personId, ...body }: { caseId: string; personId: string; categories: PersonDataCategory[]; reason: string }) =>
    post(`/cases/${enc(caseId)}/persons/${enc(personId)}/data-requests`, body),
  );
export const useDisclosePerson = () =>
  useCaseMutation(
    ({
      caseId,
      personId,
      ...body
    }: {
      caseId: string;
      personId: string;
      toAgencyIds: string[];
      categories: PersonDataCategory[];
      legalBasis: LegalBasis;
      justification: string;
      requestId?: string;
    }) => post(`/cases/${enc(caseId)}/persons/${enc(personId)}/disclosures`, body),
  );
