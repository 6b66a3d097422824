import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { formatDateTime } from '../../../lib/formatDateTime';
import { Can } from '../../me/components/Can';
import { useSharingLog, type SharingLogFilters } from '../api/sharingLog';
import { ExportLogButton } from './ExportLogButton';
import { SharingLogFiltersForm } from './SharingLogFiltersForm';
import { ShortId } from './ShortId';
import { VerifyChainButton } from './VerifyChainButton';
import { NamedId } from './NamedId';
import { WitnessPanel } from './WitnessPanel';
import { TableScroll } from '../../../components/TableScroll';

/** /logs/sharing: every disclosure under the protocols in the reviewer's scope, newest first. */
export function SharingLogPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<SharingLogFilters>({});
  const log = useSharingLog(filters);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <PageHeading>{t('logs.sharing.title')}</PageHeading>
      <p>{t('logs.sharing.intro')}</p>
      <div className="log-tools">
        <Can I="verify" a="SharingLog">
          <VerifyChainButton />
        </Can>
        <Can I="export" a="SharingLog">
          <ExportLogButton />
        </Can>
      </div>
      <Can I="witness" a="SharingLog">
        <WitnessPanel />
      </Can>
      <SharingLogFiltersForm filters={filters} onChange={setFilters} />
      {log.isPending && <LoadingState />}
      {log.isError && <QueryErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && items.length === 0 && <p>{t('logs.sharing.empty')}</p>}
      {items.length > 0 && (
        <TableScroll label={t('logs.sharing.title')}>
          <table className="table-dense">
            <caption className="visually-hidden">{t('logs.sharing.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('logs.sharing.seq')}</th>
                <th scope="col">{t('logs.at')}</th>
                <th scope="col">{t('logs.case')}</th>
                <th scope="col">{t('logs.sharing.fromAgency')}</th>
                <th scope="col">{t('logs.sharing.toAgencies')}</th>
                <th scope="col">{t('logs.sharing.legalBasis')}</th>
                <th scope="col">{t('logs.sharing.categories')}</th>
                <th scope="col">{t('logs.sharing.justification')}</th>
                <th scope="col">{t('logs.sharing.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq}>
                  <th scope="row">{e.seq}</th>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                  </td>
                  <td>
                    <NamedId name={e.caseReference} id={e.caseId} />
                  </td>
                  <td>{e.fromAgency.name ?? t('common.unknownAgency')}</td>
                  <td>{e.toAgencies.map((a) => a.name ?? t('common.unknownAgency')).join(', ')}</td>
                  <td>
                    {t(`legalBases.${e.legalBasis}`)}
                    {e.legalReference ? ` (${e.legalReference})` : ''}
                  </td>
                  <td>{e.categories.map((c) => t(`dataCategories.${c}`)).join(', ')}</td>
                  <td className="prose">{e.justification ?? (e.consentId ? t('logs.sharing.onConsent') : '—')}</td>
                  <td>
                    <ShortId value={e.hash} length={12} />
                  </td>
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
