import type { User } from './entities/user.entity';

/** What the API says about an account: never the password hash or the TOTP secret. */
export function userView(u: User) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    agencyId: u.agencyId,
    roles: u.roles,
    locale: u.locale,
    active: u.active,
    mfaEnabled: u.mfaEnabled,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
  };
}
export type UserView = ReturnType<typeof userView>;
