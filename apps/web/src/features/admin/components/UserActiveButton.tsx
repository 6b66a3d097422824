import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../lib/errorMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useUserConsequences } from '../../consequences/consequences';
import { useUpdateUser } from '../api/users';
import type { AdminUser } from '../types';
import type { Feedback } from './ActionFeedback';

interface UserActiveButtonProps {
  user: AdminUser;
  onFeedback: (feedback: Feedback) => void;
}

/** Deactivates (after a confirmation naming what it ends) or reactivates an account from the list. */
export function UserActiveButton({ user, onFeedback }: UserActiveButtonProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [confirming, setConfirming] = useState(false);
  const consequences = useUserConsequences(user.id, confirming);
  const run = () => {
    if (update.isPending) return;
    const active = !user.active;
    update.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: () => {
          setConfirming(false);
          onFeedback({ tone: 'info', text: t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: user.displayName }) });
        },
        onError: (error) => {
          setConfirming(false);
          onFeedback({ tone: 'error', text: isStaleVersion(error) ? t('admin.staleList') : errorMessage(error, t) });
        },
      },
    );
  };
  const c = consequences.data;
  return (
    <>
      <button type="button" onClick={() => (user.active ? setConfirming(true) : run())} aria-disabled={update.isPending || undefined}>
        {user.active ? t('admin.deactivate') : t('admin.reactivate')}
        <span className="visually-hidden"> {user.displayName}</span>
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('confirm.user.deactivateTitle', { name: user.displayName })}
          confirmLabel={t('confirm.user.deactivate')}
          pending={update.isPending}
          onConfirm={run}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('confirm.user.deactivateBody', { name: user.displayName })}</p>
          {c ? (
            <ul>
              <li>{t('confirm.user.sessions', { count: c.activeSessions })}</li>
              <li>{t('confirm.user.directedCases', { count: c.directedOpenCases })}</li>
              <li>{t('confirm.user.chairedConferences', { count: c.chairedOpenConferences })}</li>
            </ul>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
