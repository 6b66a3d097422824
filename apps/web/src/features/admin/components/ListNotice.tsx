import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The confirmation a form page hands to the list it returns to (`navigate(list, { state: { notice } })`).
 * Plain text right under the heading, which has the focus after the navigation. It is taken out of
 * the history entry at once, so a reload or a later visit does not show it again; `hidden` drops it
 * as soon as the list reports something newer (one message at a time, never a stack).
 */
export function ListNotice({ hidden = false }: { hidden?: boolean }) {
  const location = useLocation();
  const navigate = useNavigate();
  const fromState = (location.state as { notice?: unknown } | null)?.notice;
  const [notice] = useState(() => (typeof fromState === 'string' ? fromState : null));
  useEffect(() => {
    if (typeof fromState === 'string') void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [fromState, navigate, location.pathname, location.search]);
  if (!notice || hidden) return null;
  return <p className="alert alert-success">{notice}</p>;
}
