import type { AppAbility } from '@schakel/authz';
import type { AgencyType, Role } from '@schakel/domain';

/** The caller of a request, as loaded from the database on every request (so deactivation bites at once). */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  agencyType: AgencyType;
  district: string;
  roles: Role[];
  locale: string;
  mfaEnabled: boolean;
  /** True while a role in MFA_REQUIRED_ROLES has no TOTP enrolled: only enrolment routes are open. */
  mfaEnrollmentRequired: boolean;
  /** Compared with the access token's `sv` claim: a bumped version ends outstanding tokens (logout). */
  sessionVersion: number;
  /** Sessions ended by logout whose access tokens could still be alive (session id → forget-after epoch s). */
  endedSessions: Record<string, number>;
  /** The session (refresh-token family) of the access token in use; null when unknown. */
  sessionId: string | null;
  ability: AppAbility;
}
