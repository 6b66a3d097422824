import { useTranslation } from 'react-i18next';
import { OIDC_LOGIN_URL, useOidcStatus } from '../api/auth';

/** "Sign in with your organisation", only when the API has single sign-on configured. */
export function OidcLoginButton() {
  const { t } = useTranslation();
  const { data } = useOidcStatus();
  if (!data?.enabled) return null;
  return (
    <div className="oidc-login">
      <p className="separator">{t('auth.login.or')}</p>
      <a className="button" href={OIDC_LOGIN_URL}>
        {t('auth.login.oidc')}
      </a>
    </div>
  );
}
