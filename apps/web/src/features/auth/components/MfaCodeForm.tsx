import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { apiFieldErrors } from '../../../lib/apiFieldErrors';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { zodFieldErrors } from '../../../lib/zodFieldErrors';
import { mfaCodeInputSchema, useVerifyMfa } from '../api/auth';
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
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    setFormError(null);
    const parsed = mfaCodeInputSchema.safeParse({ code });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    verify.mutate(
      { mfaToken, code: parsed.data.code },
      {
        onSuccess: signIn,
        onError: (error) => {
          setCode('');
          const fieldErrors = apiFieldErrors(error);
          if (fieldErrors['code']) setErrors({ code: fieldErrors['code'] });
          else setFormError(authErrorMessage(error, 'mfa', t));
        },
      },
    );
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('auth.mfa.code')}
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
      <SubmitButton pending={verify.isPending}>{t('auth.mfa.submit')}</SubmitButton>
    </form>
  );
}
