import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { apiFieldErrors } from '../../../lib/apiFieldErrors';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { zodFieldErrors } from '../../../lib/zodFieldErrors';
import { isMfaChallenge, loginInputSchema, useLogin } from '../api/auth';
import { authErrorMessage } from '../authErrorMessage';
import { useAuth } from '../hooks/useAuth';

interface LoginFormProps {
  /** Where to go once signed in; handed on to the MFA step. */
  from: string;
}

/** E-mail and password, the first login step. */
export function LoginForm({ from }: LoginFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn, requireMfa } = useAuth();
  const loginMutation = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, errors);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (loginMutation.isPending) return;
    setFormError(null);
    const parsed = loginInputSchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    loginMutation.mutate(parsed.data, {
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
        setPassword('');
        const fieldErrors = apiFieldErrors(error);
        if (Object.keys(fieldErrors).length) setErrors(fieldErrors);
        else setFormError(authErrorMessage(error, 'password', t));
      },
    });
  };

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('auth.login.email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={setEmail}
        error={errors['email']}
      />
      <TextField
        label={t('auth.login.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
        error={errors['password']}
      />
      <SubmitButton pending={loginMutation.isPending}>{t('auth.login.submit')}</SubmitButton>
    </form>
  );
}
