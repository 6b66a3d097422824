import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/errorMessage';
import { useAnnualReportFile } from '../api/reports';
import { saveBlob } from '../lib/saveBlob';

/** Downloads the annual steering report of a year as CSV or as a bilingual PDF. */
export function AnnualReportExport({ district }: { district?: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const download = useAnnualReportFile();
  const valid = /^\d{4}$/.test(year);
  const get = (format: 'csv' | 'pdf') => {
    if (!valid || download.isPending) return;
    download.mutate(
      { year: Number(year), district, format },
      { onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? `annual-report-${year}.${format}`) },
    );
  };
  return (
    <section aria-labelledby="annual-report-heading">
      <h2 id="annual-report-heading">{t('statisticsReports.annualTitle')}</h2>
      <p>{t('statisticsReports.annualIntro')}</p>
      <div className="inline-form">
        <TextField
          label={t('statisticsReports.year')}
          name="year"
          inputMode="numeric"
          value={year}
          onChange={setYear}
          error={valid ? undefined : t('statisticsReports.yearInvalid')}
        />
        <span className="export" aria-busy={download.isPending || undefined}>
          <button type="button" aria-disabled={download.isPending || !valid || undefined} onClick={() => get('csv')}>
            {t('statisticsReports.csv')}
          </button>
          <button type="button" aria-disabled={download.isPending || !valid || undefined} onClick={() => get('pdf')}>
            {t('statisticsReports.pdf')}
          </button>
        </span>
      </div>
      <p className="hint">{t('statisticsReports.csvHint')}</p>
      <FormAlert>{download.error ? errorMessage(download.error, t) : null}</FormAlert>
    </section>
  );
}
