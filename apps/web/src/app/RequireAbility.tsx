import type { AppAbility } from '@schakel/authz';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useAbility } from '../features/me/hooks/useAbility';
import { NotAllowedPage } from './NotAllowedPage';

interface RequireAbilityProps {
  allowed: (ability: AppAbility) => boolean;
  children?: ReactNode;
}

/** Shows the route only when the ability allows it, the "not allowed" page otherwise. */
export function RequireAbility({ allowed, children }: RequireAbilityProps) {
  const ability = useAbility();
  if (!allowed(ability)) return <NotAllowedPage />;
  return children ?? <Outlet />;
}
