import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { useProcessingRecordPdf } from '../api/reports';
import { saveBlob } from '../lib/saveBlob';

/** For the DPO: the record of processing (GDPR art. 30), generated from the protocols, in NL or FR. */
export function ProcessingRecordExport() {
  const { t } = useTranslation();
  const download = useProcessingRecordPdf();
  const get = (lang: 'nl' | 'fr') =>
    !download.isPending && download.mutate(lang, { onSuccess: ({ blob, filename }) => saveBlob(blob, filename ?? `processing-record-${lang}.pdf`) });
  return (
    <section aria-labelledby="processing-record-heading">
      <h2 id="processing-record-heading">{t('statisticsReports.recordTitle')}</h2>
      <p>{t('statisticsReports.recordIntro')}</p>
      <span className="export" aria-busy={download.isPending || undefined}>
        <button type="button" aria-disabled={download.isPending || undefined} onClick={() => get('nl')}>
          {t('statisticsReports.recordNl')}
        </button>
        <button type="button" aria-disabled={download.isPending || undefined} onClick={() => get('fr')}>
          {t('statisticsReports.recordFr')}
        </button>
      </span>
      <FormAlert>{download.error ? errorMessage(download.error, t) : null}</FormAlert>
    </section>
  );
}
