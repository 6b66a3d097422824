import type { AppAbility } from '@schakel/authz';
import { useAbility as useCaslAbility } from '@casl/react';

/** What the signed-in user may do (the same CASL rules the API enforces); re-renders when they change. */
export function useAbility(): AppAbility {
  return useCaslAbility<AppAbility>();
}
