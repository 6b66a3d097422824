import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { SessionAbilityProvider } from '../features/me/components/SessionAbilityProvider';
import { queryClient } from './queryClient';

/** Data cache, then the login session, then the signed-in user's ability (each needs the one before). */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <SessionAbilityProvider>{children}</SessionAbilityProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}
