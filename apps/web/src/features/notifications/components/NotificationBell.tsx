import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useNotifications } from '../api/notifications';

/** The header's link to the inbox, with the number of unread notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useNotifications();
  const unread = data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="notification-bell" data-testid="notification-bell">
      {t('notifications.bell')}
      {unread > 0 && (
        <span className="badge badge-danger" aria-label={t('notifications.unreadCount', { count: unread })}>
          {unread}
        </span>
      )}
    </NavLink>
  );
}
