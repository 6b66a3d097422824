import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { errorMessage } from '../../../lib/errorMessage';
import { useReopen } from '../api/casework';

/** The case team reopens a case closed within the last 12 months, with a reason for the timeline. */
export function ReopenButton({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reopen = useReopen();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reopen.isPending) return;
    if (reason.trim().length < 3) {
      setError(t('casework.reasonRequired'));
      return;
    }
    reopen.mutate(
      { caseId, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t('casework.reopen.done'));
        },
      },
    );
  };
  return (
    <>
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('casework.reopen.open')}
        </button>
      </p>
      {open && (
        <Dialog title={t('casework.reopen.title')} onClose={() => setOpen(false)}>
          <form onSubmit={submit} noValidate>
            <p className="hint">{t('casework.reopen.hint')}</p>
            <FormAlert>{reopen.error ? errorMessage(reopen.error, t) : null}</FormAlert>
            <TextAreaField label={t('casework.reason')} name="reason" value={reason} onChange={setReason} error={error} />
            <SubmitButton pending={reopen.isPending}>{t('casework.reopen.submit')}</SubmitButton>
          </form>
        </Dialog>
      )}
    </>
  );
}
