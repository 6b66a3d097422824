import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { configureApiClient } from '../../../api/client';
import { AuthContext, type AuthContextValue } from '../AuthContext';
import { createSession, type Session } from '../session';

let appSession: Session | undefined;

/** One session per page: module-level, so StrictMode's double mount cannot start two restores. */
function defaultSession(): Session {
  if (!appSession) {
    appSession = createSession();
    configureApiClient({ token: appSession.getToken, refresh: appSession.refresh });
  }
  return appSession;
}

interface AuthProviderProps {
  children: ReactNode;
  /** For tests; the app uses the page's one session. */
  session?: Session;
}

/**
 * Holds the login session (access token in memory only), restores it on load through the
 * refresh cookie and drops every cached query when it ends, so the next user sees nothing of
 * the previous one.
 */
export function AuthProvider({ children, session: given }: AuthProviderProps) {
  const session = given ?? defaultSession();
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const previousStatus = useRef(snapshot.status);

  useEffect(() => {
    if (given) configureApiClient({ token: given.getToken, refresh: given.refresh });
    session.restore();
  }, [session, given]);

  useEffect(() => {
    if (previousStatus.current === 'authenticated' && snapshot.status !== 'authenticated') {
      queryClient.clear();
      // Half-filled forms kept for this tab (useSessionDraft) hold personal data: gone with the session.
      for (const key of Object.keys(sessionStorage)) if (key.startsWith('schakel.draft.')) sessionStorage.removeItem(key);
    }
    previousStatus.current = snapshot.status;
  }, [snapshot.status, queryClient]);

  const value = useMemo<AuthContextValue>(
    () => ({
      ...snapshot,
      signIn: session.signIn,
      requireMfa: session.requireMfa,
      cancelMfa: session.cancelMfa,
      signOut: session.signOut,
    }),
    [snapshot, session],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
