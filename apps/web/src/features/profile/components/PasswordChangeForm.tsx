import { zodResolver } from '@hookform/resolvers/zod';
import { changePasswordRequestSchema, PASSWORD_MIN_LENGTH } from '@schakel/contracts';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod/mini';
import { FormAlert } from '../../../components/FormAlert';
import { StatusMessage } from '../../../components/StatusMessage';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { errorMessage } from '../../../lib/errorMessage';
import { passwordWeakness } from '../../../lib/passwordWeakness';
import { rhfFieldErrors, setServerErrors } from '../../../lib/formErrors';
import { useMe } from '../../me/hooks/useMe';
import { useChangePassword } from '../api/account';

// The request schema is the API's (libs/contracts); the form adds only the repeat field.
// The shared strength rule (libs/domain password-policy) runs before anything is sent, as the API will.
const formSchema = z
  .object({ ...changePasswordRequestSchema.shape, repeatPassword: z.string() })
  .check(z.refine((v) => v.newPassword === v.repeatPassword, { message: 'selfService.password.mismatch', path: ['repeatPassword'] }));
type FormValues = z.infer<typeof formSchema>;

const EMPTY: FormValues = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** Changes the account's password; the API then ends the account's other sessions. */
export function PasswordChangeForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const { data: me } = useMe();
  const formRef = useRef<HTMLFormElement>(null);
  const [done, setDone] = useState(false);
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: EMPTY, mode: 'onTouched', shouldFocusError: false });
  const errors = rhfFieldErrors(form.formState.errors, t, { newPassword: { min: PASSWORD_MIN_LENGTH } });
  useFocusFirstInvalid(formRef, errors);
  // An error the API did not tie to one of these fields (a 429, a network failure) shows above the form.
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    if (change.isPending) return;
    // The shared strength rule (libs/domain password-policy) before anything is sent, as the API will.
    if (await passwordWeakness(newPassword, [me?.email ?? '', me?.displayName ?? ''])) {
      form.setError('newPassword', { type: 'server', message: t('passwordPolicy.weak') });
      return;
    }
    setDone(false);
    setFormError(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset(EMPTY);
          setDone(true);
        },
        onError: (error) => {
          if (!setServerErrors(error, form.setError, ['currentPassword', 'newPassword'])) setFormError(errorMessage(error, t));
        },
      },
    );
  });

  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('selfService.password.title')}</h2>
      <StatusMessage message={done ? t('selfService.password.changed') : null} />
      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="password-title">
        <FormAlert>{formError}</FormAlert>
        {(['currentPassword', 'newPassword', 'repeatPassword'] as const).map((name) => (
          <Controller
            key={name}
            control={form.control}
            name={name}
            render={({ field }) => (
              <TextField
                label={t(`selfService.password.${name}`)}
                hint={name === 'newPassword' ? t('selfService.password.hint', { min: PASSWORD_MIN_LENGTH }) : undefined}
                name={name}
                type="password"
                autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors[name]}
              />
            )}
          />
        ))}
        <SubmitButton pending={change.isPending}>{t('selfService.password.submit')}</SubmitButton>
      </form>
    </section>
  );
}
