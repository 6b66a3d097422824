import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageHeading } from '../../../components/PageHeading';
import { useAuth } from '../hooks/useAuth';
import { LoginForm } from './LoginForm';
import { OidcLoginButton } from './OidcLoginButton';
import { safeReturnPath } from '../safeReturnPath';

/** /login: the password step, or single sign-on. */
export function LoginPage() {
  const { t } = useTranslation();
  const { status, expired } = useAuth();
  const location = useLocation();
  const [params] = useSearchParams();
  const from = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  if (status === 'restoring') return <LoadingState />;
  if (status === 'authenticated') return <Navigate to={from} replace />;

  return (
    <section className="narrow" aria-labelledby="login-title">
      <PageHeading id="login-title">{t('auth.login.title')}</PageHeading>
      {expired && <p className="alert alert-info">{t('auth.login.expired')}</p>}
      {params.get('error') && <FormAlert>{t('auth.login.oidcFailed')}</FormAlert>}
      <LoginForm from={from} />
      <OidcLoginButton />
    </section>
  );
}
