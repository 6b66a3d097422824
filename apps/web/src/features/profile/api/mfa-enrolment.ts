import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { meQueryKey } from '../../me/api/me';

// POST /me/mfa/enroll and /me/mfa/confirm: TOTP enrolment of the signed-in user.

export interface MfaEnrolment {
  /** `otpauth://totp/...`, shown as a QR code. */
  otpauthUri: string;
  /** The same secret in base32, for typing into an app by hand. */
  secret: string;
}

export const enrollMfa = () => api<MfaEnrolment>('/me/mfa/enroll', { method: 'POST' });

export const confirmMfa = (input: { code: string }) =>
  api<{ mfaEnabled: boolean }>('/me/mfa/confirm', { method: 'POST', json: input });

export const useEnrollMfa = () => useMutation({ mutationFn: enrollMfa });

/** Confirms the code, then reloads /me so `mfaEnabled` and `mfaEnrollmentRequired` follow. */
export function useConfirmMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
