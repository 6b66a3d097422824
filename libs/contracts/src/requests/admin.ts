import { AGENCY_TYPES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES } from '@schakel/domain';
import { z } from 'zod/mini';
import { LOCALES } from './me';

// The administrator's requests: agencies and accounts. Messages are SPA i18n keys; the API's DTOs
// state the same limits from AGENCY_LIMITS and USER_LIMITS.

export const AGENCY_LIMITS = { nameMin: 2, nameMax: 200, districtMin: 2, districtMax: 100 } as const;
export const USER_LIMITS = { emailMax: 254, displayNameMax: 200 } as const;

const text = (min: number, max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.minLength(min, 'validation.minLength'), z.maxLength(max, 'validation.tooLong'));

/** POST /agencies (PATCH takes the same fields, each optional, and `active`). */
export const agencyRequestSchema = z.object({
  name: text(AGENCY_LIMITS.nameMin, AGENCY_LIMITS.nameMax),
  type: z.enum(AGENCY_TYPES, 'validation.required'),
  district: text(AGENCY_LIMITS.districtMin, AGENCY_LIMITS.districtMax),
});
export type AgencyRequestInput = z.infer<typeof agencyRequestSchema>;

const userFields = {
  displayName: text(1, USER_LIMITS.displayNameMax),
  agencyId: z.string().check(z.minLength(1, 'validation.required')),
  roles: z.array(z.enum(ROLES)).check(z.minLength(1, 'validation.roleRequired')),
  locale: z.enum(LOCALES, 'validation.required'),
};
const password = z.string().check(z.minLength(PASSWORD_MIN_LENGTH, 'validation.passwordLength'), z.maxLength(PASSWORD_MAX_LENGTH, 'validation.tooLong'));

/** POST /users */
export const createUserRequestSchema = z.object({
  email: z.pipe(
    z.string().check(z.trim(), z.minLength(1, 'validation.required'), z.maxLength(USER_LIMITS.emailMax, 'validation.tooLong')),
    z.email('validation.email'),
  ),
  ...userFields,
  password,
});
export type CreateUserRequestInput = z.infer<typeof createUserRequestSchema>;

/** PATCH /users/:id as the form sends it (an empty password keeps the current one). */
export const updateUserRequestSchema = z.object({
  ...userFields,
  active: z.boolean(),
  password: z.union([z.literal(''), password]),
});
export type UpdateUserRequestInput = z.infer<typeof updateUserRequestSchema>;
