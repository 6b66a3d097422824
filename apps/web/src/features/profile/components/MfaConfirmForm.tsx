import { mfaCodeRequestSchema } from '@schakel/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useZodForm } from '../../../hooks/useZodForm';
import { errorMessageKey } from '../../../lib/errorMessageKey';
import { setServerErrors } from '../../../lib/formErrors';
import { isApiError } from '../../../lib/isApiError';
import { useConfirmMfa } from '../api/mfa-enrolment';

interface MfaConfirmFormProps {
  /** Called once the code was accepted (drops the secret from memory). */
  onDone: () => void;
}

/** The first code from the authenticator app, proving the enrolment worked. */
export function MfaConfirmForm({ onDone }: MfaConfirmFormProps) {
  const { t } = useTranslation();
  const confirm = useConfirmMfa();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors, onSubmit, focusRequest } = useZodForm(mfaCodeRequestSchema, { code: '' });
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalidOn(formRef, [focusRequest, confirm.error]);
  const code = field('code');

  const submit = onSubmit((parsed) => {
    if (confirm.isPending) return;
    setFormError(null);
    confirm.mutate(parsed, {
      onSuccess: onDone,
      onError: (error) => {
        form.setValue('code', '');
        // A wrong code may come back as a 400 on `code` or as a 401/422: either way it belongs at the field.
        if (setServerErrors(error, form.setError, ['code'])) return;
        if (isApiError(error, 401) || isApiError(error, 422) || isApiError(error, 400))
          form.setError('code', { type: 'server', message: t('profile.mfa.wrongCode') });
        else setFormError(t(errorMessageKey(error)));
      },
    });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('profile.mfa.confirmLabel')}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('profile.mfa.code')}
        hint={t('auth.mfa.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={6}
        required
        {...code}
        onChange={(value) => code.onChange(value.replace(/\D/g, ''))}
        error={errors['code']}
      />
      <SubmitButton pending={confirm.isPending}>{t('profile.mfa.confirm')}</SubmitButton>
    </form>
  );
}
