import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../auth/hooks/useAuth';
import { meQueryOptions } from '../api/me';

/** The signed-in user (GET /me); idle while nobody is signed in. */
export function useMe() {
  const { status } = useAuth();
  return useQuery({ ...meQueryOptions(), enabled: status === 'authenticated' });
}
