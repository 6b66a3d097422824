import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading';
import { useMe } from '../../me/hooks/useMe';
import { AccountDetails } from './AccountDetails';
import { MfaSection } from './MfaSection';

/** /profile: the user's account and their two-step verification. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <section>
      <PageHeading>{t('profile.title')}</PageHeading>
      {me && (
        <>
          {me.mfaEnrollmentRequired && (
            <p className="alert alert-warning">
              {t('profile.mfa.required')}
            </p>
          )}
          <AccountDetails me={me} />
          <MfaSection me={me} />
        </>
      )}
    </section>
  );
}
