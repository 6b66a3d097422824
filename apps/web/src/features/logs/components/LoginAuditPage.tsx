import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useLoginAudit } from '../api/loginAudit';
import { NamedId } from './NamedId';
import { TableScroll } from '../../../components/TableScroll';

/** /logs/logins (DPO): security events of accounts. Never holds a password, code or token. */
export function LoginAuditPage() {
  const { t, i18n } = useTranslation();
  const log = useLoginAudit();
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading>{t('logs.logins.title')}</PageHeading>
      <p>{t('logs.logins.intro')}</p>
      {log.isPending && <LoadingState />}
      {log.isError && <QueryErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && items.length === 0 && <p>{t('logs.logins.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('logs.logins.title')}>
          <table className="table-dense">
            <caption className="visually-hidden">{t('logs.logins.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('logs.at')}</th>
                <th scope="col">{t('logs.logins.event')}</th>
                <th scope="col">{t('logs.user')}</th>
                <th scope="col">{t('logs.logins.actor')}</th>
                <th scope="col">{t('logs.logins.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                  </td>
                  <td>{t(`loginEvents.${e.event}` as never, { defaultValue: e.event })}</td>
                  <td>
                    <NamedId name={e.userDisplayName} id={e.userId} />
                  </td>
                  <td>
                    <NamedId name={e.actorDisplayName} id={e.actorId} />
                  </td>
                  <td>{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMoreButton hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
    </section>
  );
}
