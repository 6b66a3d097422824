import { loginRequestSchema } from '@schakel/contracts';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useZodForm } from '../../../hooks/useZodForm';
import { setServerErrors } from '../../../lib/formErrors';
import { isMfaChallenge, useLogin } from '../api/auth';
import { authErrorMessage } from '../authErrorMessage';
import { useAuth } from '../hooks/useAuth';

interface LoginFormProps {
  /** Where to go once signed in; handed on to the MFA step. */
  from: string;
}

const FIELDS = ['email', 'password'] as const;

/** E-mail and password, the first login step. */
export function LoginForm({ from }: LoginFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn, requireMfa } = useAuth();
  const loginMutation = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors, onSubmit, focusRequest } = useZodForm(loginRequestSchema, { email: '', password: '' });
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalidOn(formRef, [focusRequest, loginMutation.error]);

  const submit = onSubmit((parsed) => {
    if (loginMutation.isPending) return;
    setFormError(null);
    loginMutation.mutate(parsed, {
      onSuccess: (response) => {
        if (isMfaChallenge(response)) {
          requireMfa(response.mfaToken);
          void navigate('/login/mfa', { state: { from } });
        } else {
          // The login page redirects to `from` once the session is authenticated.
          signIn(response);
        }
      },
      onError: (error) => {
        form.setValue('password', '');
        if (!setServerErrors(error, form.setError, FIELDS)) setFormError(authErrorMessage(error, 'password', t));
      },
    });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('auth.login.email')} type="email" autoComplete="username" required {...field('email')} error={errors['email']} />
      <TextField label={t('auth.login.password')} type="password" autoComplete="current-password" required {...field('password')} error={errors['password']} />
      <SubmitButton pending={loginMutation.isPending}>{t('auth.login.submit')}</SubmitButton>
    </form>
  );
}
