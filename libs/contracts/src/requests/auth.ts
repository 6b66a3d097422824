import { PASSWORD_MAX_LENGTH } from '@schakel/domain';
import { z } from 'zod/mini';
import { USER_LIMITS } from './admin';

// Signing in: POST /auth/login, POST /auth/mfa, and the enrolment's POST /me/mfa/confirm. Messages
// are SPA i18n keys; the API's DTOs use the same limits and code shape.

/** A TOTP code as authenticator apps show it. */
export const TOTP_CODE_PATTERN = /^\d{6}$/;

/** POST /auth/login */
export const loginRequestSchema = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(USER_LIMITS.emailMax, 'validation.tooLong')),
    z.email('validation.email'),
  ),
  password: z.string().check(z.minLength(1, 'validation.required'), z.maxLength(PASSWORD_MAX_LENGTH, 'validation.tooLong')),
});
export type LoginRequestInput = z.infer<typeof loginRequestSchema>;

/** The code of POST /auth/mfa (with the challenge's token) and of POST /me/mfa/confirm. */
export const mfaCodeRequestSchema = z.object({
  code: z.string().check(z.trim(), z.regex(TOTP_CODE_PATTERN, 'validation.mfaCode')),
});
