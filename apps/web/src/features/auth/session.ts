import { isApiError } from '../../lib/isApiError';
import { logout, refreshSession, type TokenResponse } from './api/auth';

export type AuthStatus = 'restoring' | 'authenticated' | 'anonymous';

export interface SessionSnapshot {
  status: AuthStatus;
  /** The session ended without the user signing out (refresh refused): the login page says so. */
  expired: boolean;
  /** Set between the password step and the TOTP step of a login. */
  pendingMfaToken: string | null;
}

export interface Session {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SessionSnapshot;
  /** The access token, held in memory only (never in storage a script could read later). */
  getToken(): string | null;
  /** On app load: try the refresh cookie once to restore a session silently. */
  restore(): void;
  /** Gets a new access token; concurrent callers share one request. Resolves false when the session is over. */
  refresh(): Promise<boolean>;
  signIn(tokens: TokenResponse): void;
  requireMfa(mfaToken: string): void;
  cancelMfa(): void;
  signOut(): Promise<void>;
}

const RETRY_AFTER_FAILURE_MS = 15_000;
const CHANNEL = 'schakel-auth';

/**
 * When to refresh: a fifth of the lifetime (at most a minute) before expiry. Never sooner than
 * half the lifetime capped at 5 s, nor than 1 s, so a very short token cannot cause a refresh loop.
 */
function refreshDelay(expiresInSeconds: number): number {
  const lifetime = Math.max(0, expiresInSeconds) * 1000;
  return Math.max(1_000, Math.min(5_000, lifetime / 2), lifetime - Math.min(60_000, lifetime / 5));
}

/**
 * Serialises refreshes across tabs (Web Locks): the API rotates the refresh cookie, and two tabs
 * presenting the same cookie at once would look like token reuse.
 */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('schakel-refresh', fn) : fn();
}

/**
 * The client side of a login session: token in memory, silent restore through the httpOnly
 * refresh cookie, refresh shortly before expiry, sign-out. Framework-free so its timing rules
 * stay readable; AuthProvider exposes it to React.
 */
export function createSession(): Session {
  let token: string | null = null;
  let expiresAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<boolean> | null = null;
  let restoreStarted = false;
  // Bumped on every sign-in/sign-out so the answer of a request started before cannot
  // resurrect or overwrite the session that replaced it.
  let generation = 0;
  let snapshot: SessionSnapshot = { status: 'restoring', expired: false, pendingMfaToken: null };
  const listeners = new Set<() => void>();
  const channel = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(CHANNEL) : null;

  const set = (next: Partial<SessionSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    listeners.forEach((l) => l());
  };

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const end = (expired: boolean) => {
    generation++;
    clearTimer();
    token = null;
    expiresAt = 0;
    set({ status: 'anonymous', expired, pendingMfaToken: null });
  };

  const schedule = (delay: number) => {
    clearTimer();
    timer = setTimeout(() => void session.refresh(), delay);
  };

  const doRefresh = async (): Promise<boolean> => {
    const started = generation;
    try {
      const tokens = await withRefreshLock(refreshSession);
      if (started !== generation) return snapshot.status === 'authenticated';
      session.signIn(tokens);
      return true;
    } catch (error) {
      if (started !== generation) return snapshot.status === 'authenticated';
      const refused = isApiError(error) && error.status >= 400 && error.status < 500;
      // A network hiccup or a 5xx while the token still works is not the end of the session.
      if (!refused && token && Date.now() < expiresAt) {
        schedule(RETRY_AFTER_FAILURE_MS);
        return false;
      }
      end(snapshot.status === 'authenticated');
      return false;
    }
  };

  const session: Session = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    getToken: () => token,
    restore() {
      if (restoreStarted) return;
      restoreStarted = true;
      // Without the API's session hint cookie there is no refresh cookie either: no request, no 401 in the console.
      if (typeof document !== 'undefined' && !/(?:^|;\s*)schakel_session=/.test(document.cookie)) {
        set({ status: 'anonymous', expired: false, pendingMfaToken: null });
        return;
      }
      void session.refresh();
    },
    refresh() {
      inflight ??= doRefresh().finally(() => {
        inflight = null;
      });
      return inflight;
    },
    signIn(tokens) {
      generation++;
      token = tokens.accessToken;
      expiresAt = Date.now() + tokens.expiresIn * 1000;
      schedule(refreshDelay(tokens.expiresIn));
      set({ status: 'authenticated', expired: false, pendingMfaToken: null });
    },
    requireMfa(mfaToken) {
      set({ pendingMfaToken: mfaToken });
    },
    cancelMfa() {
      set({ pendingMfaToken: null });
    },
    async signOut() {
      clearTimer();
      try {
        await logout();
      } catch (error) {
        // The access token may have just expired: get a fresh one once so the refresh token is revoked.
        if (isApiError(error, 401) && token && (await doRefresh())) await logout().catch(() => undefined);
      }
      end(false);
      channel?.postMessage('signed-out');
    },
  };

  // Signing out in one tab signs out the others: they share the (now revoked) refresh cookie.
  channel?.addEventListener('message', (event: MessageEvent) => {
    if (event.data === 'signed-out' && snapshot.status === 'authenticated') end(false);
  });

  return session;
}
