import { mfaCodeRequestSchema } from '@schakel/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useZodForm } from '../../../hooks/useZodForm';
import { setServerErrors } from '../../../lib/formErrors';
import { useVerifyMfa } from '../api/auth';
import { authErrorMessage } from '../authErrorMessage';
import { useAuth } from '../hooks/useAuth';

interface MfaCodeFormProps {
  mfaToken: string;
}

/** The 6-digit code from the authenticator app, the second login step. */
export function MfaCodeForm({ mfaToken }: MfaCodeFormProps) {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const verify = useVerifyMfa();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors, onSubmit, focusRequest } = useZodForm(mfaCodeRequestSchema, { code: '' });
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalidOn(formRef, [focusRequest, verify.error]);
  const code = field('code');

  const submit = onSubmit((parsed) => {
    if (verify.isPending) return;
    setFormError(null);
    verify.mutate(
      { mfaToken, code: parsed.code },
      {
        onSuccess: signIn,
        onError: (error) => {
          form.setValue('code', '');
          if (!setServerErrors(error, form.setError, ['code'])) setFormError(authErrorMessage(error, 'mfa', t));
        },
      },
    );
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('auth.mfa.code')}
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
      <SubmitButton pending={verify.isPending}>{t('auth.mfa.submit')}</SubmitButton>
    </form>
  );
}
