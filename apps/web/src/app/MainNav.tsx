import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { MFA_ENROLMENT_PATH } from '../config/paths';
import { SECTIONS } from '../config/sections';
import { useAuth } from '../features/auth/hooks/useAuth';
import type { Me } from '../features/me/api/me';
import { useAbility } from '../features/me/hooks/useAbility';

interface MainNavProps {
  me: Me | undefined;
}

/**
 * The sections the signed-in user may open; nothing else is linked. Signed out: the login page.
 * While the session or /me is still loading: no links yet, rather than wrong ones.
 * While two-step verification must still be set up: only the profile, where that happens.
 */
export function MainNav({ me }: MainNavProps) {
  const { t } = useTranslation();
  const ability = useAbility();
  const { status } = useAuth();
  let links: { key: string; to: string; label: string; end?: boolean }[];
  if (status !== 'authenticated') links = status === 'anonymous' ? [{ key: 'login', to: '/login', label: t('nav.login') }] : [];
  else if (!me) links = [];
  else if (me.mfaEnrollmentRequired) links = [{ key: 'profile', to: MFA_ENROLMENT_PATH, label: t('nav.profile') }];
  else {
    links = [
      { key: 'home', to: '/', label: t('nav.home'), end: true },
      ...SECTIONS.filter((s) => s.allowed(ability)).map((s) => ({ key: s.key, to: s.path, label: t(`nav.${s.key}`) })),
    ];
  }
  return (
    <nav aria-label={t('nav.main')}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
