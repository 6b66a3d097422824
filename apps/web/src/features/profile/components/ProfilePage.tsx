import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading';
import { useMe } from '../../me/hooks/useMe';
import { AccountDetails } from './AccountDetails';
import { LanguagePreferenceForm } from './LanguagePreferenceForm';
import { MfaSection } from './MfaSection';
import { PasswordChangeForm } from './PasswordChangeForm';

/** /profile: the user's account, two-step verification, language and password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <section>
      <PageHeading>{t('profile.title')}</PageHeading>
      {me && (
        <>
          {me.mfaEnrollmentRequired && <p className="alert alert-warning">{t('profile.mfa.required')}</p>}
          <AccountDetails me={me} />
          <MfaSection me={me} />
          {!me.mfaEnrollmentRequired && (
            <>
              <LanguagePreferenceForm me={me} />
              <PasswordChangeForm />
            </>
          )}
        </>
      )}
    </section>
  );
}
