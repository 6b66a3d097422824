import type { AppAbility } from '@schakel/authz';
import { Can as CaslCan, type CanProps } from '@casl/react';

/**
 * Renders its children only when the ability allows, e.g. `<Can I="read" a="Case">`.
 * Hiding is a convenience: the API refuses what the rules refuse anyway.
 */
export function Can(props: CanProps<AppAbility>) {
  return <CaslCan<AppAbility> {...props} />;
}
