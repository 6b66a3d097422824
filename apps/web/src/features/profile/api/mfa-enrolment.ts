import type { MfaConfirmation, MfaEnrolment } from '@schakel/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { meQueryKey } from '../../me/api/me';

// POST /me/mfa/enroll and /me/mfa/confirm: TOTP enrolment of the signed-in user.

export type { MfaConfirmation, MfaEnrolment } from '@schakel/contracts';

export const enrollMfa = () => api<MfaEnrolment>('/me/mfa/enroll', { method: 'POST' });

export const confirmMfa = (input: { code: string }) => api<MfaConfirmation>('/me/mfa/confirm', { method: 'POST', json: input });

export const useEnrollMfa = () => useMutation({ mutationFn: enrollMfa });

/** Confirms the code, then reloads /me so `mfaEnabled` and `mfaEnrollmentRequired` follow. */
export function useConfirmMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
