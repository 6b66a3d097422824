import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { casesKey } from '../../cases/api/cases';
import { protocolsKey } from './protocols';
import type { AccessListEntry, ConfidentialityStatement } from '@schakel/contracts';

// Confidentiality per protocol (art. 458ter §2): the versioned statement, its acknowledgement by
// the signed-in user, and who has access (liaison, DPO).

export type { AccessListEntry, ConfidentialityStatement } from '@schakel/contracts';

const path = (id: string) => `/protocols/${encodeURIComponent(id)}`;
const statementKey = (id: string) => [...protocolsKey, 'confidentiality', id] as const;

export const useConfidentialityStatement = (protocolId: string, enabled = true) =>
  useQuery({ queryKey: statementKey(protocolId), queryFn: () => api<ConfidentialityStatement>(`${path(protocolId)}/confidentiality`), enabled });

export const useAccessList = (protocolId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...protocolsKey, 'access-list', protocolId],
    queryFn: () => api<{ items: AccessListEntry[]; statementVersion: number }>(`${path(protocolId)}/access-list`),
    enabled,
  });

/** After acknowledging, the cases under the protocol show their content: both are read again. */
export function useAcknowledgeProtocol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (protocolId: string) => api<ConfidentialityStatement>(`${path(protocolId)}/acknowledgements`, { method: 'POST', json: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: protocolsKey });
      void queryClient.invalidateQueries({ queryKey: casesKey });
    },
  });
}

/** The statement in the reader's language; the statement exists in NL and FR (and EN for reference). */
export function statementText(s: ConfidentialityStatement['statement'], language: string): string {
  return language.startsWith('fr') ? s.fr : language.startsWith('en') ? s.en : s.nl;
}
