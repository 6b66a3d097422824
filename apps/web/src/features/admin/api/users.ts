import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@schakel/domain';
import type { Page } from '@schakel/contracts';
import { z } from 'zod/mini';
import { api } from '../../../api/client';
import { LANGUAGES } from '../../../i18n';
import type { AdminUser } from '../types';

// The /users endpoint group. Mutations invalidate the ['users'] prefix.

/** Client-side floor only; the API's password policy is the one that counts. */
export const MIN_PASSWORD_LENGTH = 12;

const userFields = {
  displayName: z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(200, 'validation.tooLong')),
  agencyId: z.string().check(z.minLength(1, 'validation.required')),
  roles: z.array(z.enum(ROLES)).check(z.minLength(1, 'validation.roleRequired')),
  locale: z.enum(LANGUAGES, 'validation.required'),
};

export const createUserInputSchema = z.object({
  email: z.pipe(z.string().check(z.trim(), z.minLength(1, 'validation.required')), z.email('validation.email')),
  ...userFields,
  password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH, 'validation.passwordLength')),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z.object({
  ...userFields,
  active: z.boolean(),
  /** Empty: keep the current password. */
  password: z.union([z.literal(''), z.string().check(z.minLength(MIN_PASSWORD_LENGTH, 'validation.passwordLength'))]),
});
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;

export type UserPatch = Partial<Omit<UpdateUserInput, 'password'> & { password: string; resetMfa: true; unlock: true }> & { version: number };

export const usersKey = ['users'] as const;

export const getUsers = (cursor: string | null) => {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return api<Page<AdminUser>>(`/users?${params}`);
};

export const getUser = (id: string) => api<AdminUser>(`/users/${encodeURIComponent(id)}`);

export const createUser = (input: CreateUserInput) => api<AdminUser>('/users', { method: 'POST', json: input });

export const updateUser = ({ id, ...patch }: UserPatch & { id: string }) =>
  api<AdminUser>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: patch });

export const usersInfiniteQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: [...usersKey, 'list'],
    queryFn: ({ pageParam }) => getUsers(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const userQueryOptions = (id: string) => queryOptions({ queryKey: [...usersKey, 'detail', id], queryFn: () => getUser(id) });

export const useUsers = () => useInfiniteQuery(usersInfiniteQueryOptions());

export const useUser = (id: string) => useQuery(userQueryOptions(id));

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** PATCH with the version read; on 409 STALE_VERSION the caller reloads and says so. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
