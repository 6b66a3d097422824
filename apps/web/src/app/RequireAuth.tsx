import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { QueryErrorState } from '../components/QueryErrorState';
import { MFA_ENROLMENT_PATH } from '../config/paths';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import { useAuth } from '../features/auth/hooks/useAuth';
import { useMe } from '../features/me/hooks/useMe';

/**
 * Guards every signed-in route: anonymous visitors go to /login, and a user whose role requires
 * two-step verification that is not set up yet is held on the profile page until it is.
 */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  const me = useMe();

  if (status === 'restoring') return <LoadingState />;
  if (status === 'anonymous') {
    // Come back here after signing in (a bookmarked link, an expired session). An explicit logout
    // navigates to /login itself, without this state.
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (me.isPending) return <LoadingState />;
  if (me.isError) {
    // Without /me there is no header menu: keep a way out.
    return (
      <>
        <QueryErrorState error={me.error} onRetry={() => void me.refetch()} />
        <LogoutButton />
      </>
    );
  }
  if (me.data.mfaEnrollmentRequired && location.pathname !== MFA_ENROLMENT_PATH) {
    return <Navigate to={MFA_ENROLMENT_PATH} replace />;
  }
  return <Outlet />;
}
