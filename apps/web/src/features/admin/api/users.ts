import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PASSWORD_MIN_LENGTH, type CreateUserRequestInput, type Page, type UpdateUserRequestInput } from '@schakel/contracts';
import { api } from '../../../api/client';
import type { AdminUser } from '../types';

// The /users endpoint group. Mutations invalidate the ['users'] prefix.

// The request schemas are libs/contracts' (src/requests/admin.ts); the password floor is the shared policy's.
export const MIN_PASSWORD_LENGTH = PASSWORD_MIN_LENGTH;
export type CreateUserInput = CreateUserRequestInput;
export type UpdateUserInput = UpdateUserRequestInput;

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
