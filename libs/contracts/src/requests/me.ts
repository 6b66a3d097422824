import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@schakel/domain';
import { z } from 'zod/mini';

// PATCH /me. Messages are i18n keys of the SPA (`validation.*`); the API states the same limits
// in its DTO from these constants, so a limit changes in one place.

// The password lengths are the shared password policy's (libs/domain password-policy.ts).
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };
export const DISPLAY_NAME_MAX_LENGTH = 200;
export const LOCALES = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Changing one's own password: the current one proves it is the account holder. */
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, 'validation.required'), z.maxLength(PASSWORD_MAX_LENGTH, 'validation.tooLong')),
  newPassword: z.string().check(z.minLength(PASSWORD_MIN_LENGTH, 'validation.passwordLength'), z.maxLength(PASSWORD_MAX_LENGTH, 'validation.tooLong')),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** The account's language: the SPA applies it at every sign-in, on any device. */
export const localeRequestSchema = z.object({ locale: z.enum(LOCALES, 'validation.choose') });
export type LocaleRequest = z.infer<typeof localeRequestSchema>;
