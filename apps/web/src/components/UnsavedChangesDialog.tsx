import { useTranslation } from 'react-i18next';
import type { Blocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog';

interface UnsavedChangesDialogProps {
  blocker: Blocker;
  /** Said when the input is kept as a draft anyway (the referral form). */
  draftKept?: boolean;
}

/** "Leave this page?" for a navigation held by useUnsavedChangesGuard. */
export function UnsavedChangesDialog({ blocker, draftKept }: UnsavedChangesDialogProps) {
  const { t } = useTranslation();
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title={t('screens.unsaved.title')}
      confirmLabel={t('screens.unsaved.leave')}
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    >
      <p>{draftKept ? t('screens.unsaved.draftKept') : t('screens.unsaved.lost')}</p>
    </ConfirmDialog>
  );
}
