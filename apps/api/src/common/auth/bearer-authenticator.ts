import type { AuthenticatedUser } from './authenticated-user';

/**
 * Authenticates a request by its bearer access token (the identity module provides it: JwtStrategy).
 * Resolves with the caller, or rejects with the 401 to answer. Called by the global AccessGuard
 * directly: passport's per-request machinery cost more than the token check itself (issue 14).
 */
export abstract class BearerAuthenticator {
  abstract authenticateRequest(request: { headers: Record<string, string | string[] | undefined> }): Promise<AuthenticatedUser>;
}
