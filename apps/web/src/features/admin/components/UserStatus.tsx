import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDateTime';
import type { AdminUser } from '../types';

interface UserStatusProps {
  user: AdminUser;
}

/** Active or not, locked after failed logins, two-step verification on or off. */
export function UserStatus({ user }: UserStatusProps) {
  const { t, i18n } = useTranslation();
  // The time the status was first shown: rendering again must not change what it says.
  const [shownAt] = useState(Date.now);
  const locked = user.lockedUntil && Date.parse(user.lockedUntil) > shownAt;
  return (
    <ul className="plain">
      <li>{user.active ? t('admin.active') : t('admin.inactive')}</li>
      {locked && user.lockedUntil && <li>{t('admin.users.lockedUntil', { time: formatDateTime(user.lockedUntil, i18n.language) })}</li>}
      <li>{user.mfaEnabled ? t('admin.users.mfaOn') : t('admin.users.mfaOff')}</li>
    </ul>
  );
}
