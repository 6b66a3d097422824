import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDate } from '../../../lib/formatDate';
import { Can } from '../../me/components/Can';
import { useProtocols } from '../api/protocols';
import { ProtocolStatusBadge } from './ProtocolStatusBadge';
import { TableScroll } from '../../../components/TableScroll';

/** /protocols: the art. 458ter protocols the user may see (their agency's, or their district's). */
export function ProtocolsPage() {
  const { t, i18n } = useTranslation();
  const protocols = useProtocols();
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  const items = protocols.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading>{t('protocols.title')}</PageHeading>
      {typeof notice === 'string' && notice && <p className="alert alert-success">{notice}</p>}
      <p>{t('protocols.intro')}</p>
      <Can I="create" a="Protocol">
        <p>
          <Link className="button" to="/protocols/new">
            {t('protocols.new')}
          </Link>
        </p>
      </Can>
      {protocols.isPending && <LoadingState />}
      {protocols.isError && <QueryErrorState error={protocols.error} onRetry={() => void protocols.refetch()} />}
      {protocols.data && items.length === 0 && <p>{t('protocols.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('protocols.title')}>
          <table>
            <caption className="visually-hidden">{t('protocols.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('protocols.fields.title')}</th>
                <th scope="col">{t('protocols.fields.district')}</th>
                <th scope="col">{t('protocols.status')}</th>
                <th scope="col">{t('protocols.validity')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/protocols/${p.id}`}>{p.title}</Link>
                    {p.revision > 1 && <span className="muted"> · {t('protocols.revision', { n: p.revision })}</span>}
                  </th>
                  <td>{p.district}</td>
                  <td>
                    <ProtocolStatusBadge protocol={p} />
                  </td>
                  <td>
                    {p.validUntil
                      ? t('protocols.validFromTo', { from: formatDate(p.validFrom, i18n.language), to: formatDate(p.validUntil, i18n.language) })
                      : t('protocols.validFromOpen', { from: formatDate(p.validFrom, i18n.language) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMoreButton hasMore={protocols.hasNextPage} loading={protocols.isFetchingNextPage} onLoadMore={() => void protocols.fetchNextPage()} />
    </section>
  );
}
