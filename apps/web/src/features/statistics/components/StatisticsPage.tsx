import { STAGES, type Stage } from '@schakel/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { QueryErrorState } from '../../../components/QueryErrorState';
import { TextField } from '../../../components/TextField';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useMe } from '../../me/hooks/useMe';
import { useStatistics, type StatisticsFilters } from '../api/statistics';
import { AnnualReportExport } from './AnnualReportExport';
import { CountCell } from './CountCell';
import { CountTable } from './CountTable';
import { ProcessingRecordExport } from './ProcessingRecordExport';
import { TableScroll } from '../../../components/TableScroll';

/** /statistics: aggregate figures for the steering group, with small counts suppressed. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isDpo = me.data?.roles.includes('dpo') ?? false;
  const [draft, setDraft] = useState({ from: '', to: '', district: '' });
  const [filters, setFilters] = useState<StatisticsFilters>({});
  const stats = useStatistics(filters);
  const label = (group: string, key: string | null) => (key ? t(`${group}.${key}` as never, { defaultValue: key }) : t('statistics.unknown'));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ from: draft.from || undefined, to: draft.to || undefined, district: isDpo ? draft.district || undefined : undefined });
  };

  return (
    <section>
      <PageHeading>{t('statistics.title')}</PageHeading>
      <p>{t('statistics.intro')}</p>
      <form className="inline-form" onSubmit={apply} noValidate aria-label={t('statistics.filters')}>
        <TextField label={t('statistics.from')} name="from" type="date" value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} />
        <TextField label={t('statistics.to')} name="to" type="date" value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
        {isDpo && (
          <TextField
            label={t('statistics.district')}
            hint={t('statistics.districtHint')}
            name="district"
            value={draft.district}
            onChange={(district) => setDraft((d) => ({ ...d, district }))}
          />
        )}
        <button type="submit">{t('statistics.apply')}</button>
      </form>
      {stats.isPending ? (
        <LoadingState />
      ) : stats.isError ? (
        <QueryErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <p>
            {t('statistics.scope', {
              district: stats.data.scope.district ?? t('statistics.allDistricts'),
              generated: formatDateTime(stats.data.generatedAt, i18n.language),
            })}
          </p>
          <TableScroll label={t('statistics.total')}>
            <table>
              <caption>{t('statistics.total')}</caption>
              <tbody>
                <tr>
                  <th scope="row">{t('statistics.totalCases')}</th>
                  <CountCell value={stats.data.totalCases} min={stats.data.minimumCell} />
                </tr>
              </tbody>
            </table>
          </TableScroll>
          <CountTable
            caption={t('statistics.perStage')}
            heading={t('statistics.stage')}
            min={stats.data.minimumCell}
            rows={stats.data.perStage.map((r) => ({ key: r.stage ?? '-', label: label('stages', r.stage), count: r.count }))}
          />
          <CountTable
            caption={t('statistics.perReferringAgencyType')}
            heading={t('statistics.agencyType')}
            min={stats.data.minimumCell}
            rows={stats.data.perReferringAgencyType.map((r) => ({ key: r.agencyType ?? '-', label: label('agencyTypes', r.agencyType), count: r.count }))}
          />
          <CountTable
            caption={t('statistics.perRiskLevel')}
            heading={t('statistics.riskLevel')}
            min={stats.data.minimumCell}
            rows={stats.data.perRiskLevel.map((r) => ({
              key: r.riskLevel ?? '-',
              label: r.riskLevel ? label('riskLevels', r.riskLevel) : t('statistics.notAssessed'),
              count: r.count,
            }))}
          />
          <CountTable
            caption={t('statistics.perOutcome')}
            heading={t('statistics.outcome')}
            min={stats.data.minimumCell}
            rows={stats.data.perOutcome.map((r) => ({
              key: r.closureReason ?? '-',
              label: r.closureReason ? label('closureReasons', r.closureReason) : t('statistics.stillOpen'),
              count: r.count,
            }))}
          />
          <TableScroll label={t('statistics.medianDays')}>
            <table>
              <caption>{t('statistics.medianDays')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('statistics.stage')}</th>
                  <th scope="col" className="num">
                    {t('statistics.cases')}
                  </th>
                  <th scope="col" className="num">
                    {t('statistics.median')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.data.medianDaysPerStage.length === 0 ? (
                  <tr>
                    <td colSpan={3}>{t('statistics.noData')}</td>
                  </tr>
                ) : (
                  // In chain order (aanmelding → evaluatie), the way people read the steps, not alphabetically.
                  [...stats.data.medianDaysPerStage]
                    .sort((a, b) => STAGES.indexOf(a.stage as Stage) - STAGES.indexOf(b.stage as Stage))
                    .map((r) => (
                      <tr key={r.stage}>
                        <th scope="row">{label('stages', r.stage)}</th>
                        <CountCell value={r.cases} min={stats.data.minimumCell} />
                        <td className="num">{r.medianDays === null ? t('statistics.withheld') : t('statistics.daysValue', { n: r.medianDays })}</td>
                      </tr>
                    ))
                )}
              </tbody>
            </table>
          </TableScroll>
          {stats.data.withheld.length > 0 && <p>{t('statisticsReports.withheld', { count: stats.data.withheld.length })}</p>}
          <p id="suppression-note" className="hint">
            {t('statistics.suppressionNote', { min: stats.data.minimumCell })}
          </p>
        </>
      )}
      <AnnualReportExport district={isDpo ? filters.district : undefined} />
      {isDpo && <ProcessingRecordExport />}
    </section>
  );
}
