import { abilityFromPacked } from '@schakel/authz';
import { AbilityProvider } from '@casl/react';
import { useMemo, type ReactNode } from 'react';
import { useMe } from '../hooks/useMe';
import { useSyncMeLocale } from '../hooks/useSyncMeLocale';

/**
 * Provides the signed-in user's ability (from the packed rules of GET /me) to `<Can>` and
 * `useAbility`. Nobody signed in, or /me not loaded yet: an empty ability, which allows nothing.
 */
export function SessionAbilityProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const permissions = me?.permissions;
  const ability = useMemo(() => abilityFromPacked(permissions ?? []), [permissions]);
  useSyncMeLocale(me);
  return <AbilityProvider value={ability}>{children}</AbilityProvider>;
}
