import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { useAuth } from '../hooks/useAuth';
import { safeReturnPath } from '../safeReturnPath';
import { MfaCodeForm } from './MfaCodeForm';

/** /login/mfa: the TOTP step. Reached only from the password step, which leaves the mfaToken in memory. */
export function MfaPage() {
  const { t } = useTranslation();
  const { status, pendingMfaToken, cancelMfa } = useAuth();
  const location = useLocation();
  const from = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  if (status === 'authenticated') return <Navigate to={from} replace />;
  if (!pendingMfaToken) return <Navigate to="/login" replace state={{ from }} />;

  return (
    <section className="narrow" aria-labelledby="mfa-title">
      <PageHeading id="mfa-title">{t('auth.mfa.title')}</PageHeading>
      <p>{t('auth.mfa.intro')}</p>
      <MfaCodeForm mfaToken={pendingMfaToken} />
      <p>
        <Link to="/login" state={{ from }} onClick={cancelMfa}>
          {t('auth.mfa.restart')}
        </Link>
      </p>
    </section>
  );
}
