import { useLocation } from 'react-router';

/**
 * The confirmation a form page hands to the list it returns to (`navigate(list, { state: { notice } })`).
 * Plain text right under the heading, which has the focus after the navigation.
 */
export function ListNotice() {
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  if (typeof notice !== 'string' || !notice) return null;
  return <p className="alert alert-success">{notice}</p>;
}
