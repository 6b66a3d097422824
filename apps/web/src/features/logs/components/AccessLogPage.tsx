import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useAccessLog } from '../api/accessLog';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import { ShortId } from './ShortId';
import { NamedId } from './NamedId';
import { TableScroll } from '../../../components/TableScroll';

/** /logs/access (DPO): who read which case content, when. */
export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const log = useAccessLog();
  const agencies = useAgencyDirectory();
  const agencyName = (id: string) => agencies.data?.find((a) => a.id === id)?.name ?? null;
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading>{t('logs.access.title')}</PageHeading>
      <p>{t('logs.access.intro')}</p>
      {log.isPending && <LoadingState />}
      {log.isError && <QueryErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && items.length === 0 && <p>{t('logs.access.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('logs.access.title')}>
          <table className="table-dense">
            <caption className="visually-hidden">{t('logs.access.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('logs.at')}</th>
                <th scope="col">{t('logs.user')}</th>
                <th scope="col">{t('logs.agency')}</th>
                <th scope="col">{t('logs.case')}</th>
                <th scope="col">{t('logs.access.resource')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                  </td>
                  <td>
                    <NamedId name={e.userDisplayName} id={e.userId} />
                  </td>
                  <td>{agencyName(e.agencyId) ?? <ShortId value={e.agencyId} />}</td>
                  <td>
                    <NamedId name={e.caseReference} id={e.caseId} />
                  </td>
                  <td>{t(`accessResources.${e.resource}` as never, { defaultValue: e.resource })}</td>
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
