import { Navigate } from 'react-router';
import { useAbility } from '../../me/hooks/useAbility';

/** /logs opens the first log the user may read. */
export function LogsIndex() {
  const ability = useAbility();
  return <Navigate to={ability.can('read', 'SharingLog') ? 'sharing' : 'access'} replace />;
}
