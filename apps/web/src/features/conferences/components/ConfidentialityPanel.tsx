import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { formatDateTime } from '../../../lib/formatDateTime';
import { useAcknowledgeConference } from '../api/conferences';
import type { ConferenceDetail } from '../types';

interface ConfidentialityPanelProps {
  conference: ConferenceDetail;
  onDone: (message: string) => void;
}

/**
 * Art. 458ter: an invitee confirms their duty of confidentiality before the agenda opens to them.
 * The statement is the API's, in the user's language, so what is confirmed is what is stored.
 */
export function ConfidentialityPanel({ conference: c, onDone }: ConfidentialityPanelProps) {
  const { t, i18n } = useTranslation();
  const acknowledge = useAcknowledgeConference();
  return (
    <section aria-labelledby="confidentiality-title" className="panel">
      <h2 id="confidentiality-title">{t('conferences.confidentiality.title')}</h2>
      <blockquote className="prose">{c.confidentiality.text}</blockquote>
      {c.acknowledgedAt ? (
        <p>{t('conferences.confidentiality.acknowledgedAt', { date: formatDateTime(c.acknowledgedAt, i18n.language) })}</p>
      ) : c.status === 'CLOSED' ? (
        <p>{t('conferences.confidentiality.closed')}</p>
      ) : (
        <>
          <p>{t('conferences.confidentiality.why')}</p>
          <FormAlert>{acknowledge.error ? errorMessage(acknowledge.error, t) : null}</FormAlert>
          <button
            type="button"
            aria-disabled={acknowledge.isPending || undefined}
            onClick={() => !acknowledge.isPending && acknowledge.mutate(c.id, { onSuccess: () => onDone(t('conferences.confidentiality.done')) })}
          >
            {acknowledge.isPending ? t('common.working') : t('conferences.confidentiality.acknowledge')}
          </button>
        </>
      )}
    </section>
  );
}
