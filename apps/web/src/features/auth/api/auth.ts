import type { LoginRequestInput } from '@schakel/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { LoginResponse, MfaChallenge, OidcStatus, TokenResponse } from '@schakel/contracts';
import { api } from '../../../api/client';
import { isApiError } from '../../../lib/isApiError';

// The /auth endpoint group (api.md "Identity and administration"). None of these calls is
// retried on 401 by the client: a 401 here is the answer, not an expired token.

export type { LoginResponse, MfaChallenge, TokenResponse } from '@schakel/contracts';

// The request schemas are libs/contracts' (src/requests/auth.ts).
export type LoginInput = LoginRequestInput;

export function isMfaChallenge(response: LoginResponse): response is MfaChallenge {
  return 'mfaRequired' in response && response.mfaRequired === true;
}

export const login = (input: LoginInput) => api<LoginResponse>('/auth/login', { method: 'POST', json: input });

export const verifyMfa = (input: { mfaToken: string; code: string }) => api<TokenResponse>('/auth/mfa', { method: 'POST', json: input });

/** Trades the httpOnly refresh cookie for a new access token. */
export const refreshSession = () => api<TokenResponse>('/auth/refresh', { method: 'POST' });

export const logout = () => api<void>('/auth/logout', { method: 'POST' });

/**
 * Whether single sign-on with the organisation's identity provider is configured. An API
 * without the endpoint (404) simply means "no".
 */
export async function getOidcStatus(): Promise<OidcStatus> {
  try {
    const status = await api<OidcStatus>('/auth/oidc');
    return { enabled: status?.enabled === true };
  } catch (error) {
    if (isApiError(error, 404)) return { enabled: false };
    throw error;
  }
}

export const oidcStatusQueryOptions = () => queryOptions({ queryKey: ['auth', 'oidc'], queryFn: getOidcStatus, staleTime: 5 * 60_000 });

export const useOidcStatus = () => useQuery(oidcStatusQueryOptions());

/** Where the browser goes to start an OIDC sign-in; the API redirects back to the SPA. */
export const OIDC_LOGIN_URL = '/api/v1/auth/oidc/login';

export const useLogin = () => useMutation({ mutationFn: login });

export const useVerifyMfa = () => useMutation({ mutationFn: verifyMfa });
