import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../hooks/useAuth';

/** Signs out (revoking the refresh token) and returns to the login page. */
export function LogoutButton() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const [pending, setPending] = useState(false);

  const onClick = async () => {
    if (pending) return;
    setPending(true);
    try {
      await signOut();
    } finally {
      setPending(false);
      void navigate('/login', { replace: true });
    }
  };

  return (
    <button type="button" className="button-link" onClick={() => void onClick()} aria-disabled={pending || undefined}>
      {t('auth.logout')}
    </button>
  );
}
