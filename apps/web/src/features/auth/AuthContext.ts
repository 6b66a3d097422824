import { createContext } from 'react';
import type { TokenResponse } from './api/auth';
import type { SessionSnapshot } from './session';

export interface AuthContextValue extends SessionSnapshot {
  signIn(tokens: TokenResponse): void;
  requireMfa(mfaToken: string): void;
  cancelMfa(): void;
  signOut(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
