import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { useConferenceFile } from '../api/conferences';

interface DownloadFileButtonProps {
  conferenceId: string;
  file: 'minutes.pdf' | 'invite.ics';
  label: string;
  fallbackName: string;
}

/** Saves a file through a temporary link: the API needs the bearer token, so a plain link would not do. */
function save(blob: Blob, filename: string): void {
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

/** Downloads the signed minutes or the calendar invitation of a conference. */
export function DownloadFileButton({ conferenceId, file, label, fallbackName }: DownloadFileButtonProps) {
  const { t } = useTranslation();
  const download = useConferenceFile();
  return (
    <span className="export">
      <button
        type="button"
        aria-disabled={download.isPending || undefined}
        onClick={() =>
          !download.isPending && download.mutate({ id: conferenceId, file }, { onSuccess: ({ blob, filename }) => save(blob, filename ?? fallbackName) })
        }
      >
        {download.isPending ? t('common.working') : label}
      </button>
      <FormAlert>{download.error ? errorMessage(download.error, t) : null}</FormAlert>
    </span>
  );
}
