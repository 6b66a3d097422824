import type { AgencyType, Role } from '@schakel/domain';

// Shapes of /agencies and /users (api.md "Identity and administration").

export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
  district: string;
  active: boolean;
  /** Sent back with every update; a stale one gets 409 STALE_VERSION. */
  version: number;
}

export interface AdminUser {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  locale: string;
  active: boolean;
  mfaEnabled: boolean;
  /** Set while the account is locked after failed logins. */
  lockedUntil: string | null;
  version: number;
}
