import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useAuth } from '../features/auth/hooks/useAuth';
import { useMe } from '../features/me/hooks/useMe';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export function Layout() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const { data } = useMe();
  // Once the session ends (sign-out, expiry, refresh refused) the header forgets the user at once,
  // even while a cached /me is still around.
  const me = status === 'authenticated' ? data : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <MainNav me={me} />
        <div className="header-end">
          {me && !me.mfaEnrollmentRequired && <NotificationBell />}
          {me && <UserMenu me={me} />}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <small>{t('app.tagline')}</small>
      </footer>
    </>
  );
}
