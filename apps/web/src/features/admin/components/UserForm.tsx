import { createUserRequestSchema, updateUserRequestSchema } from '@schakel/contracts';
import { ROLES, type Role } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { asCheckbox, asGroup, useZodForm } from '../../../hooks/useZodForm';
import { LANGUAGES } from '../../../i18n';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { passwordWeakness } from '../../../lib/passwordWeakness';
import { useAllAgencies } from '../api/agencies';
import { MIN_PASSWORD_LENGTH, type CreateUserInput, type UpdateUserInput } from '../api/users';

export interface UserFormValues {
  email: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  locale: string;
  password: string;
  active: boolean;
}

type UserFormProps = {
  initial: UserFormValues;
  pending: boolean;
  /** The last mutation error, shown at the fields it names. A stale version is the page's business. */
  error: unknown;
} & ({ editing: false; onSubmit: (values: CreateUserInput) => void } | { editing: true; onSubmit: (values: UpdateUserInput) => void });

const FIELDS = ['email', 'displayName', 'agencyId', 'roles', 'locale', 'password', 'active'] as const;
// A duplicate address is a 409 the API tags EMAIL_TAKEN: it belongs at the e-mail field.
const FORM_ERROR_OPTIONS = { fields: FIELDS, codeFields: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' }, handled: isStaleVersion };

/** An account: e-mail (fixed once created), name, agency, roles, language, password, active. */
export function UserForm(props: UserFormProps) {
  const { initial, pending, error, editing } = props;
  const { t } = useTranslation();
  const agencies = useAllAgencies();
  const formRef = useRef<HTMLFormElement>(null);
  // A form's schema is fixed for its life: creating and editing are different forms.
  const {
    form,
    values,
    field,
    errors: clientErrors,
    onSubmit,
    focusRequest,
  } = useZodForm<typeof updateUserRequestSchema | typeof createUserRequestSchema, UserFormValues>(
    editing ? updateUserRequestSchema : createUserRequestSchema,
    initial,
  );
  const { errors, formError } = useFormErrors(clientErrors, error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, error]);

  const submit = onSubmit(async (parsed) => {
    if (pending) return;
    // The shared strength rule: a weak password is refused at the field before the API sees it.
    const problem = await passwordWeakness(parsed.password, [values.email, values.displayName]);
    if (problem) {
      form.setError('password', { type: 'server', message: t(problem) });
      return;
    }
    if (props.editing) props.onSubmit(parsed as UpdateUserInput);
    else props.onSubmit(parsed as CreateUserInput);
  });

  // Inactive agencies cannot take new members, but the user's current one stays selectable.
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active || a.id === initial.agencyId)
    .map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name} (${t('admin.inactive')})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert>{formError}</FormAlert>
      {editing ? (
        <p>
          <strong>{t('admin.users.email')}:</strong> {values.email}
        </p>
      ) : (
        <TextField label={t('admin.users.email')} type="email" autoComplete="off" required {...field('email')} error={errors['email']} />
      )}
      <TextField label={t('admin.users.displayName')} autoComplete="off" required {...field('displayName')} error={errors['displayName']} />
      <SelectField
        label={t('admin.users.agency')}
        required
        {...field('agencyId')}
        placeholder={agencies.isPending ? t('common.loading') : t('common.choose')}
        options={agencyOptions}
        error={errors['agencyId'] ?? (agencies.isError ? t('admin.users.agenciesFailed') : undefined)}
      />
      <CheckboxGroup
        legend={t('admin.users.roles')}
        hint={t('admin.users.rolesHint')}
        {...asGroup(field('roles'))}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        error={errors['roles']}
      />
      <SelectField
        label={t('admin.users.locale')}
        required
        {...field('locale')}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        error={errors['locale']}
      />
      <TextField
        label={editing ? t('admin.users.newPassword') : t('admin.users.password')}
        hint={editing ? t('admin.users.newPasswordHint', { min: MIN_PASSWORD_LENGTH }) : t('admin.users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required={!editing}
        {...field('password')}
        error={errors['password']}
      />
      {editing && (
        <CheckboxField label={t('admin.users.active')} hint={t('admin.users.activeHint')} {...asCheckbox(field('active'))} error={errors['active']} />
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{editing ? t('common.save') : t('admin.users.create')}</SubmitButton>
        <Link to="/admin/users">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
