import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { Can } from '../../me/components/Can';
import { useAbility } from '../../me/hooks/useAbility';
import { useConferences } from '../api/conferences';
import { ConferenceStatusBadge } from './ConferenceStatusBadge';
import { TableScroll } from '../../../components/TableScroll';

/** /conferences: the conferences the user chairs or is invited to, newest first. */
export function ConferencesPage() {
  const { t, i18n } = useTranslation();
  const ability = useAbility();
  const canRead = ability.can('read', 'Conference');
  const conferences = useConferences(canRead);
  const location = useLocation();
  const notice = (location.state as { notice?: unknown } | null)?.notice;
  const items = conferences.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading>{t('conferences.title')}</PageHeading>
      {typeof notice === 'string' && notice && <p className="alert alert-success">{notice}</p>}
      <p>{t('conferences.intro')}</p>
      <Can I="create" a="Conference">
        <p>
          <Link className="button" to="/conferences/new">
            {t('conferences.new')}
          </Link>
        </p>
      </Can>
      {canRead && (
        <>
          {conferences.isPending && <LoadingState />}
          {conferences.isError && <QueryErrorState error={conferences.error} onRetry={() => void conferences.refetch()} />}
          {conferences.data && items.length === 0 && <p>{t('conferences.empty')}</p>}
          {items.length > 0 && (
            <TableScroll label={t('conferences.title')}>
              <table>
                <caption className="visually-hidden">{t('conferences.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('conferences.fields.scheduledAt')}</th>
                    <th scope="col">{t('conferences.fields.location')}</th>
                    <th scope="col">{t('conferences.status')}</th>
                    <th scope="col">{t('conferences.myRole')}</th>
                    <th scope="col">{t('conferences.agendaItems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/conferences/${c.id}`}>{formatDateTime(c.scheduledAt, i18n.language)}</Link>
                      </th>
                      <td>{c.location}</td>
                      <td>
                        <ConferenceStatusBadge status={c.status} />
                      </td>
                      <td>
                        {c.myRole === 'CHAIR'
                          ? t('conferences.roles.CHAIR')
                          : c.acknowledgedAt
                            ? t('conferences.roles.INVITEE')
                            : t('conferences.roles.inviteeToAcknowledge')}
                      </td>
                      <td>{c.agendaItems}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <LoadMoreButton hasMore={conferences.hasNextPage} loading={conferences.isFetchingNextPage} onLoadMore={() => void conferences.fetchNextPage()} />
        </>
      )}
    </section>
  );
}
