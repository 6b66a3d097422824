import { todayInBrussels } from '@schakel/domain';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errorMessage';
import { useExportSharingLog } from '../api/sharingLog';

/** Saves a JSON file through a temporary link: the API needs the bearer token, so a plain link would not do. */
function download(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads the whole sharing log with its latest signed checkpoint, verifiable offline. */
export function ExportLogButton() {
  const { t } = useTranslation();
  const exporter = useExportSharingLog();
  const filename = `schakel-sharing-log-${todayInBrussels()}.json`;
  return (
    <div className="export">
      <button
        type="button"
        onClick={() => !exporter.isPending && exporter.mutate(undefined, { onSuccess: (data) => download(data, filename) })}
        aria-disabled={exporter.isPending || undefined}
      >
        {exporter.isPending ? t('common.working') : t('logs.sharing.export')}
      </button>
      <StatusMessage message={exporter.isSuccess ? t('logs.sharing.exported', { filename }) : null} />
      <FormAlert>{exporter.error ? errorMessage(exporter.error, t) : null}</FormAlert>
    </div>
  );
}
