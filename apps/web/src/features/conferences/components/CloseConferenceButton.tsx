import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessage } from '../../../lib/errorMessage';
import { useCloseConference } from '../api/conferences';

interface CloseConferenceButtonProps {
  conferenceId: string;
  onDone: (message: string) => void;
}

/** Closing seals the minutes for good, so the chair confirms it first. */
export function CloseConferenceButton({ conferenceId, onDone }: CloseConferenceButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCloseConference();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('conferences.mode.close')}
      </button>
      {open && (
        <Dialog title={t('conferences.mode.closeTitle')} onClose={() => setOpen(false)}>
          <p>{t('conferences.mode.closeWarning')}</p>
          <FormAlert>{close.error ? errorMessage(close.error, t) : null}</FormAlert>
          <div className="form-actions">
            <button
              type="button"
              aria-disabled={close.isPending || undefined}
              onClick={() =>
                !close.isPending &&
                close.mutate(conferenceId, {
                  onSuccess: () => {
                    setOpen(false);
                    onDone(t('conferences.mode.closed'));
                  },
                })
              }
            >
              {close.isPending ? t('common.working') : t('conferences.mode.confirmClose')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
