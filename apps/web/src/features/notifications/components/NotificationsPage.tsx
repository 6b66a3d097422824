import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationPath } from '@schakel/domain';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api/notifications';

/** /notifications: the inbox. Each line names an event and a reference, never a person. */
export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const inbox = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = inbox.data?.items ?? [];
  return (
    <section>
      <PageHeading>{t('notifications.title')}</PageHeading>
      {inbox.isPending && <LoadingState />}
      {inbox.isError && <QueryErrorState error={inbox.error} />}
      {inbox.data && items.length === 0 && <p>{t('notifications.empty')}</p>}
      {(inbox.data?.unread ?? 0) > 0 && (
        <p>
          <button type="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
            {t('notifications.markAll')}
          </button>
        </p>
      )}
      {items.length > 0 && (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'notification read' : 'notification unread'}>
              <strong>{i18n.exists(`notifications.types.${n.type}`) ? t(`notifications.types.${n.type}` as never) : n.type}</strong>
              {n.caseReference && <span> — {n.caseReference}</span>}
              <br />
              <small>{formatDateTime(n.createdAt, i18n.language)}</small> {!n.readAt && <span className="badge badge-warning">{t('notifications.new')}</span>}{' '}
              <Link to={notificationPath(n)} onClick={() => !n.readAt && markRead.mutate(n.id)}>
                {t('notifications.open')}
              </Link>
              {!n.readAt && (
                <>
                  {' '}
                  <button type="button" className="button-link" onClick={() => markRead.mutate(n.id)}>
                    {t('notifications.markRead')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
