import { useQuery } from '@tanstack/react-query';
import type { AgencyConsequences, CaseConsequences, ProtocolConsequences, UserConsequences } from '@schakel/contracts';
import { api } from '../../api/client';

// GET /protocols/:id/consequences, /agencies/:id/consequences, /users/:id/consequences, /cases/:id/consequences
// (docs/api-extensions.md, "Consequences"): counts shown before a wide-reaching command.

// The shapes are libs/contracts' (src/responses/consequences.ts).
export type { AgencyConsequences, CaseConsequences, ProtocolConsequences, UserConsequences };

const useConsequences = <T>(kind: 'protocols' | 'agencies' | 'users' | 'cases', id: string, enabled: boolean) =>
  // Always fresh: the numbers are the point of the confirmation.
  useQuery({ queryKey: ['consequences', kind, id], queryFn: () => api<T>(`/${kind}/${id}/consequences`), enabled, staleTime: 0, gcTime: 0 });

export const useProtocolConsequences = (id: string, enabled: boolean) => useConsequences<ProtocolConsequences>('protocols', id, enabled);
export const useAgencyConsequences = (id: string, enabled: boolean) => useConsequences<AgencyConsequences>('agencies', id, enabled);
export const useUserConsequences = (id: string, enabled: boolean) => useConsequences<UserConsequences>('users', id, enabled);
export const useCaseConsequences = (id: string, enabled: boolean) => useConsequences<CaseConsequences>('cases', id, enabled);
