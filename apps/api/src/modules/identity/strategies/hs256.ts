import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Verifies a compact HS256 JWT and returns its claims, or null: the checks passport-jwt had
 * jsonwebtoken make for Schakel's access tokens (ADR 0013), without their per-request allocations.
 * The header must name HS256 (no other algorithm, never `none`), the signature must match (compared
 * in constant time), `aud` must be (or list) `audience`, `exp` must be a number in the future, and
 * `nbf`, when present, a number not in the future. Every token Schakel signs has `exp`; one without
 * is refused.
 */
export function verifyHs256(token: string, key: KeyObject, audience: string, nowSeconds = Date.now() / 1000): Record<string, unknown> | null {
  const first = token.indexOf('.');
  const second = first < 0 ? -1 : token.indexOf('.', first + 1);
  if (first <= 0 || second <= first + 1 || second === token.length - 1 || token.indexOf('.', second + 1) !== -1) return null;
  const signature = Buffer.from(token.slice(second + 1), 'base64url');
  const expected = createHmac('sha256', key).update(token.slice(0, second)).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(token.slice(0, first), 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(token.slice(first + 1, second), 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isObject(header) || header.alg !== 'HS256' || !isObject(claims)) return null;
  const aud = claims.aud;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return null;
  if (typeof claims.exp !== 'number' || nowSeconds >= claims.exp) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) return null;
  return claims;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
