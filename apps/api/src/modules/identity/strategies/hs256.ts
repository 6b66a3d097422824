import type { KeyObject } from 'node:crypto';
import { verify } from 'jsonwebtoken';

/**
 * Verifies a compact HS256 JWT and returns its claims, or null. jsonwebtoken (what passport-jwt
 * used) does the cryptography and the claim checks, with the KeyObject made once at start-up rather
 * than from the string secret on every request (ADR 0013): HS256 only (never `none`), the signature,
 * `aud`, `exp` and `nbf`. Every token Schakel signs has `exp`; one without is refused here, which
 * jsonwebtoken alone would accept.
 */
export function verifyHs256(token: string, key: KeyObject, audience: string, nowSeconds = Date.now() / 1000): Record<string, unknown> | null {
  let claims: unknown;
  try {
    claims = verify(token, key, { algorithms: ['HS256'], audience, clockTimestamp: Math.floor(nowSeconds) });
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null || typeof (claims as { exp?: unknown }).exp !== 'number') return null;
  return claims as Record<string, unknown>;
}
