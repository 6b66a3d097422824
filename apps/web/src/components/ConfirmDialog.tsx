import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { FormAlert } from './FormAlert';

interface ConfirmDialogProps {
  title: string;
  /** What the command will do, in numbers where they are known ("12 open cases … cannot share"). */
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A second step before an irreversible or wide-reaching command: the consequences, then an explicit
 * button that names the command (never a bare "OK"), and a cancel that leaves everything as it was.
 */
export function ConfirmDialog({ title, children, confirmLabel, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onCancel}>
      <div className="consequences">{children}</div>
      <FormAlert>{error ?? null}</FormAlert>
      <div className="form-actions">
        <button type="button" className="button-danger" aria-disabled={pending || undefined} onClick={() => !pending && onConfirm()}>
          {pending ? t('common.working') : confirmLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
