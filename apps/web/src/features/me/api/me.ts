import { queryOptions } from '@tanstack/react-query';
import type { abilityFromPacked } from '@schakel/authz';
import type { AgencyType, Role } from '@schakel/domain';
import { api } from '../../../api/client';

// GET /me (api.md "Identity and administration").

export interface Me {
  id: string;
  email: string;
  displayName: string;
  agency: { id: string; name: string; type: AgencyType; district: string };
  roles: Role[];
  locale: string;
  mfaEnabled: boolean;
  /** The user's role requires TOTP and it is not set up yet: every page leads to the profile until it is. */
  mfaEnrollmentRequired: boolean;
  /** Packed CASL rules (`packRules`), rebuilt with `abilityFromPacked`. */
  permissions: Parameters<typeof abilityFromPacked>[0];
}

export const getMe = () => api<Me>('/me');

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
