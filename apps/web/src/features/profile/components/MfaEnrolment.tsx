import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { errorMessageKey } from '../../../lib/errorMessageKey';
import { useEnrollMfa } from '../api/mfa-enrolment';
import { MfaConfirmForm } from './MfaConfirmForm';
import { MfaQrCode } from './MfaQrCode';

/** Start enrolment, scan the QR code (or type the secret), confirm with a code. */
export function MfaEnrolment() {
  const { t } = useTranslation();
  const enroll = useEnrollMfa();
  const enrolment = enroll.data;

  if (!enrolment) {
    return (
      <div>
        <p>{t('profile.mfa.explain')}</p>
        <FormAlert>{enroll.isError && t(errorMessageKey(enroll.error))}</FormAlert>
        <button type="button" className="button-primary" onClick={() => !enroll.isPending && enroll.mutate()} aria-disabled={enroll.isPending || undefined}>
          {enroll.isPending ? t('common.working') : t('profile.mfa.start')}
        </button>
      </div>
    );
  }

  return (
    <div>
      <ol className="steps">
        <li>
          <p>{t('profile.mfa.scan')}</p>
          <MfaQrCode otpauthUri={enrolment.otpauthUri} />
        </li>
        <li>
          <p id="mfa-secret-label">{t('profile.mfa.manual')}</p>
          <code className="secret" aria-labelledby="mfa-secret-label">
            {enrolment.secret}
          </code>
        </li>
        <li>
          <MfaConfirmForm onDone={() => enroll.reset()} />
        </li>
      </ol>
    </div>
  );
}
