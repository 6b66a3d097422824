import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { apiFieldErrors } from '../../../lib/apiFieldErrors';
import { errorMessageKey } from '../../../lib/errorMessageKey';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { isApiError } from '../../../lib/isApiError';
import { zodFieldErrors } from '../../../lib/zodFieldErrors';
import { mfaConfirmInputSchema, useConfirmMfa } from '../api/mfa-enrolment';

interface MfaConfirmFormProps {
  /** Called once the code was accepted (drops the secret from memory). */
  onDone: () => void;
}

/** The first code from the authenticator app, proving the enrolment worked. */
export function MfaConfirmForm({ onDone }: MfaConfirmFormProps) {
  const { t } = useTranslation();
  const confirm = useConfirmMfa();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirm.isPending) return;
    setFormError(null);
    const parsed = mfaConfirmInputSchema.safeParse({ code });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    confirm.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (error) => {
        setCode('');
        const fieldErrors = apiFieldErrors(error);
        // A wrong code may come back as a 400 on `code` or as a 401/422: either way it belongs at the field.
        if (fieldErrors['code']) setErrors({ code: fieldErrors['code'] });
        else if (isApiError(error, 401) || isApiError(error, 422) || isApiError(error, 400)) setErrors({ code: t('profile.mfa.wrongCode') });
        else setFormError(t(errorMessageKey(error)));
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t('profile.mfa.confirmLabel')}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('profile.mfa.code')}
        hint={t('auth.mfa.codeHint')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        required
        value={code}
        onChange={(value) => setCode(value.replace(/\D/g, ''))}
        error={errors['code']}
      />
      <SubmitButton pending={confirm.isPending}>{t('profile.mfa.confirm')}</SubmitButton>
    </form>
  );
}
