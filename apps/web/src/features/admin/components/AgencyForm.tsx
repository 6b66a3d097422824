import { AGENCY_TYPES, type AgencyType } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalid } from '../../../hooks/useFocusFirstInvalid';
import { useFormErrors } from '../../../hooks/useFormErrors';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { zodFieldErrors } from '../../../lib/zodFieldErrors';
import { agencyInputSchema, type AgencyInput } from '../api/agencies';

export interface AgencyFormValues {
  name: string;
  type: AgencyType | '';
  district: string;
  active: boolean;
}

interface AgencyFormProps {
  initial: AgencyFormValues;
  /** Editing shows the "active" switch; creating does not. */
  editing: boolean;
  pending: boolean;
  /** The last mutation error, shown at the fields it names. A stale version is the page's business. */
  error: unknown;
  onSubmit: (values: AgencyInput & { active: boolean }) => void;
}

const FIELDS = ['name', 'type', 'district', 'active'] as const;
const FORM_ERROR_OPTIONS = { fields: FIELDS, handled: isStaleVersion };

/** Name, type and judicial district of an agency. */
export function AgencyForm({ initial, editing, pending, error, onSubmit }: AgencyFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const { errors, formError } = useFormErrors(clientErrors, error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalid(formRef, errors);
  const set = <K extends keyof AgencyFormValues>(key: K) => (value: AgencyFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const parsed = agencyInputSchema.safeParse(values);
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setClientErrors({});
    onSubmit({ ...parsed.data, active: values.active });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('admin.agencies.name')} name="name" required value={values.name} onChange={set('name')} error={errors['name']} />
      <SelectField
        label={t('admin.agencies.type')}
        name="type"
        required
        value={values.type}
        onChange={(v) => set('type')(v as AgencyType | '')}
        placeholder={t('common.choose')}
        options={AGENCY_TYPES.map((type) => ({ value: type, label: t(`agencyTypes.${type}`) }))}
        error={errors['type']}
      />
      <TextField
        label={t('admin.agencies.district')}
        hint={t('admin.agencies.districtHint')}
        name="district"
        required
        value={values.district}
        onChange={set('district')}
        error={errors['district']}
      />
      {editing && (
        <CheckboxField
          label={t('admin.agencies.active')}
          hint={t('admin.agencies.activeHint')}
          name="active"
          checked={values.active}
          onChange={set('active')}
          error={errors['active']}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{editing ? t('common.save') : t('admin.agencies.create')}</SubmitButton>
        <Link to="/admin/agencies">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
