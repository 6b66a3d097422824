import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errorMessage';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useUpdateUser } from '../api/users';
import type { AdminUser } from '../types';
import type { Feedback } from './ActionFeedback';

interface UserActiveButtonProps {
  user: AdminUser;
  onFeedback: (feedback: Feedback) => void;
}

/** Deactivates (or reactivates) an account from the list, with the version the list read. */
export function UserActiveButton({ user, onFeedback }: UserActiveButtonProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const onClick = () => {
    if (update.isPending) return;
    const active = !user.active;
    update.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: () =>
          onFeedback({ tone: 'info', text: t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: user.displayName }) }),
        onError: (error) => onFeedback({ tone: 'error', text: isStaleVersion(error) ? t('admin.staleList') : errorMessage(error, t) }),
      },
    );
  };
  return (
    <button type="button" onClick={onClick} aria-disabled={update.isPending || undefined}>
      {user.active ? t('admin.deactivate') : t('admin.reactivate')}
      <span className="visually-hidden"> {user.displayName}</span>
    </button>
  );
}
