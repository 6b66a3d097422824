import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, Locale } from '@schakel/contracts';
import { api } from '../../../api/client';
import { meQueryKey, type Me } from '../../me/api/me';

// PATCH /me (api.md "Identity and administration"): the account holder's own password and language.

export const changePassword = (input: ChangePasswordRequest) => api<unknown>('/me', { method: 'PATCH', json: input });
export const saveLocale = (locale: Locale) => api<unknown>('/me', { method: 'PATCH', json: { locale } });

export const useChangePassword = () => useMutation({ mutationFn: changePassword });

/** Stores the language on the account and in the cached /me, so the next sign-in anywhere uses it. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveLocale,
    onSuccess: (_saved, locale) => queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, locale } : me)),
  });
}
