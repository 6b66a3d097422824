import type { UpdateUserInput, UserPatch } from './api/users';
import type { AdminUser } from './types';

/** Only what the administrator changed; an empty password field keeps the current password. */
export function userPatch(current: AdminUser, values: UpdateUserInput): Omit<UserPatch, 'version'> {
  const patch: Omit<UserPatch, 'version'> = {};
  if (values.displayName !== current.displayName) patch.displayName = values.displayName;
  if (values.agencyId !== current.agencyId) patch.agencyId = values.agencyId;
  const sameRoles = values.roles.length === current.roles.length && values.roles.every((r) => current.roles.includes(r));
  if (!sameRoles) patch.roles = values.roles;
  if (values.locale !== current.locale) patch.locale = values.locale;
  if (values.active !== current.active) patch.active = values.active;
  if (values.password) patch.password = values.password;
  return patch;
}
