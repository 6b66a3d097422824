import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { LogoutButton } from '../features/auth/components/LogoutButton';
import type { Me } from '../features/me/api/me';

interface UserMenuProps {
  me: Me;
}

/** Who is signed in, for which agency; their profile and sign-out. */
export function UserMenu({ me }: UserMenuProps) {
  const { t } = useTranslation();
  return (
    <div className="user-menu" aria-label={t('userMenu.label')} role="group">
      <span className="user-name">{me.displayName}</span>
      <span className="user-agency">{me.agency.name}</span>
      <NavLink to="/profile">{t('nav.profile')}</NavLink>
      <LogoutButton />
    </div>
  );
}
