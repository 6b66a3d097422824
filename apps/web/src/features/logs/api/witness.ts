import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Checkpoint as CheckpointView, ConsistencyProof } from '@schakel/contracts';
import { api } from '../../../api/client';

// The parket witnesses the sharing log (ADR 0006): the latest signed checkpoint, a consistency
// proof since the size it last cosigned, its witness key and the cosigned note it uploads.

export type { Checkpoint as CheckpointView } from '@schakel/contracts';

export type { ConsistencyProof } from '@schakel/contracts';

export const checkpointKey = ['sharing-log', 'checkpoint'] as const;

export const getCheckpoint = () => api<CheckpointView>('/sharing-log/checkpoint');
export const getConsistencyProof = (from: number, to: number) => api<ConsistencyProof>(`/sharing-log/proofs/consistency?from=${from}&to=${to}`);

export const checkpointQueryOptions = () => queryOptions({ queryKey: checkpointKey, queryFn: getCheckpoint });
export const useCheckpoint = () => useQuery(checkpointQueryOptions());

export const useConsistencyProof = () => useMutation({ mutationFn: ({ from, to }: { from: number; to: number }) => getConsistencyProof(from, to) });

export const useRegisterWitnessKey = () =>
  useMutation({
    mutationFn: (publicKey: string) => api<{ name: string | null; keyId: string | null }>('/me/witness-key', { method: 'PUT', json: { publicKey } }),
  });

export const useUploadCosignature = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api<{ size: number; name: string; at: string }>('/sharing-log/cosignatures', { method: 'POST', json: { note } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKey }),
  });
};
