import type { PackRule } from '@casl/ability/extra';
import { AGENCY_TYPES, ROLES } from '@schakel/domain';
import { z } from 'zod/mini';
import { int, nullable, pageOf, timestamp, uuid } from './schema';

// /me, /users and /auth (api.md "Identity and administration").

/** An account as the administration sees it: never the password hash or the TOTP secret. */
export const userSchema = z.strictObject({
  id: uuid(),
  email: z.string(),
  displayName: z.string(),
  agencyId: uuid(),
  roles: z.array(z.enum(ROLES)),
  locale: z.string(),
  active: z.boolean(),
  mfaEnabled: z.boolean(),
  /** Set while the account is locked after failed logins. */
  lockedUntil: nullable(timestamp()),
  version: int(),
  createdAt: timestamp(),
});
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);

/** Packed CASL rules (`packRules`): arrays of action, subject, conditions…; the SPA rebuilds them with `abilityFromPacked`. */
const packedRulesSchema = z.array(z.array(z.unknown())) as unknown as z.ZodMiniType<PackRule<never>[]>;

/** GET /me: the caller, their agency, roles and permissions. */
export const meSchema = z.strictObject({
  id: uuid(),
  email: z.string(),
  displayName: z.string(),
  agency: z.strictObject({ id: uuid(), name: z.string(), type: z.enum(AGENCY_TYPES), district: z.string() }),
  roles: z.array(z.enum(ROLES)),
  locale: z.string(),
  mfaEnabled: z.boolean(),
  /** The user's role requires TOTP and it is not set up yet: every page leads to the profile until it is. */
  mfaEnrollmentRequired: z.boolean(),
  permissions: packedRulesSchema,
});
export type Me = z.infer<typeof meSchema>;

/** POST /me/mfa/enroll. */
export const mfaEnrolmentSchema = z.strictObject({
  /** `otpauth://totp/...`, shown as a QR code. */
  otpauthUri: z.string(),
  /** The same secret in base32, for typing into an app by hand. */
  secret: z.string(),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolmentSchema>;

/** POST /me/mfa/confirm: the code matched, TOTP is on from now on. */
export const mfaConfirmationSchema = z.strictObject({ mfaEnabled: z.literal(true) });
export type MfaConfirmation = z.infer<typeof mfaConfirmationSchema>;

/** GET /auth/oidc (public): whether single sign-on with the organisation's identity provider is configured. */
export const oidcStatusSchema = z.strictObject({ enabled: z.boolean() });
export type OidcStatus = z.infer<typeof oidcStatusSchema>;

/** POST /auth/mfa and /auth/refresh, and /auth/login without a second step. */
export const tokenResponseSchema = z.strictObject({
  accessToken: z.string(),
  /** Lifetime of the access token, in seconds. */
  expiresIn: int(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** POST /auth/login when a TOTP code is needed next. */
export const mfaChallengeSchema = z.strictObject({
  mfaRequired: z.literal(true),
  /** Short-lived proof that the password step succeeded; kept in memory only. */
  mfaToken: z.string(),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;
export const loginResponseSchema = z.union([tokenResponseSchema, mfaChallengeSchema]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;
