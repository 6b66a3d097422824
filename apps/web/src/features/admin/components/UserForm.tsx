import { ROLES, type Role } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { LANGUAGES } from '../../../i18n';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { passwordWeakness } from '../../../lib/passwordWeakness';
import { zodFieldErrors } from '../../../lib/zodFieldErrors';
import { useAllAgencies } from '../api/agencies';
import {
  createUserInputSchema,
  MIN_PASSWORD_LENGTH,
  updateUserInputSchema,
  type CreateUserInput,
  type UpdateUserInput,
} from '../api/users';

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
} & (
  | { editing: false; onSubmit: (values: CreateUserInput) => void }
  | { editing: true; onSubmit: (values: UpdateUserInput) => void }
);

const FIELDS = ['email', 'displayName', 'agencyId', 'roles', 'locale', 'password', 'active'] as const;
// A duplicate address is a 409 the API tags EMAIL_TAKEN: it belongs at the e-mail field.
const FORM_ERROR_OPTIONS = { fields: FIELDS, codeFields: { EMAIL_TAKEN: 'email', WEAK_PASSWORD: 'password' }, handled: isStaleVersion };

/** An account: e-mail (fixed once created), name, agency, roles, language, password, active. */
export function UserForm(props: UserFormProps) {
  const { initial, pending, error, editing } = props;
  const { t } = useTranslation();
  const agencies = useAllAgencies();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = useFormErrors(clientErrors, error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalid(formRef, errors);
  const set = <K extends keyof UserFormValues>(key: K) => (value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  // The shared strength rule: a weak password is refused at the field before the API sees it.
  const weakPassword = async (password: string) => {
    const problem = await passwordWeakness(password, [values.email, values.displayName]);
    if (problem) setClientErrors({ password: t(problem) });
    return problem !== null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (props.editing) {
      const parsed = updateUserInputSchema.safeParse(values);
      if (!parsed.success) return setClientErrors(zodFieldErrors(parsed.error, t));
      if (await weakPassword(parsed.data.password)) return;
      setClientErrors({});
      props.onSubmit(parsed.data);
    } else {
      const parsed = createUserInputSchema.safeParse(values);
      if (!parsed.success) return setClientErrors(zodFieldErrors(parsed.error, t));
      if (await weakPassword(parsed.data.password)) return;
      setClientErrors({});
      props.onSubmit(parsed.data);
    }
  };

  // Inactive agencies cannot take new members, but the user's current one stays selectable.
  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active || a.id === initial.agencyId)
    .map((a) => ({ value: a.id, label: a.active ? a.name : `${a.name} (${t('admin.inactive')})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert>{formError}</FormAlert>
      {editing ? (
        <p>
          <strong>{t('admin.users.email')}:</strong> {values.email}
        </p>
      ) : (
        <TextField
          label={t('admin.users.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          value={values.email}
          onChange={set('email')}
          error={errors['email']}
        />
      )}
      <TextField
        label={t('admin.users.displayName')}
        name="displayName"
        autoComplete="off"
        required
        value={values.displayName}
        onChange={set('displayName')}
        error={errors['displayName']}
      />
      <SelectField
        label={t('admin.users.agency')}
        name="agencyId"
        required
        value={values.agencyId}
        onChange={set('agencyId')}
        placeholder={agencies.isPending ? t('common.loading') : t('common.choose')}
        options={agencyOptions}
        error={errors['agencyId'] ?? (agencies.isError ? t('admin.users.agenciesFailed') : undefined)}
      />
      <CheckboxGroup
        legend={t('admin.users.roles')}
        hint={t('admin.users.rolesHint')}
        name="roles"
        values={values.roles}
        onChange={(roles) => set('roles')(roles as Role[])}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        error={errors['roles']}
      />
      <SelectField
        label={t('admin.users.locale')}
        name="locale"
        required
        value={values.locale}
        onChange={set('locale')}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
        error={errors['locale']}
      />
      <TextField
        label={editing ? t('admin.users.newPassword') : t('admin.users.password')}
        hint={editing ? t('admin.users.newPasswordHint', { min: MIN_PASSWORD_LENGTH }) : t('admin.users.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        name="password"
        type="password"
        autoComplete="new-password"
        required={!editing}
        value={values.password}
        onChange={set('password')}
        error={errors['password']}
      />
      {editing && (
        <CheckboxField
          label={t('admin.users.active')}
          hint={t('admin.users.activeHint')}
          name="active"
          checked={values.active}
          onChange={set('active')}
          error={errors['active']}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{editing ? t('common.save') : t('admin.users.create')}</SubmitButton>
        <Link to="/admin/users">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
