import { agencyRequestSchema } from '@schakel/contracts';
import { AGENCY_TYPES, type AgencyType } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { asCheckbox, useZodForm } from '../../../hooks/useZodForm';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import type { AgencyInput } from '../api/agencies';

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
  const { values, field, errors: clientErrors, onSubmit: validated, focusRequest } = useZodForm(agencyRequestSchema, initial);
  const { errors, formError } = useFormErrors(clientErrors, error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, error]);

  const submit = validated((parsed) => {
    if (pending) return;
    onSubmit({ ...parsed, active: values.active });
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('admin.agencies.name')} required {...field('name')} error={errors['name']} />
      <SelectField
        label={t('admin.agencies.type')}
        required
        {...field('type')}
        onChange={(v) => field('type').onChange(v as AgencyType | '')}
        placeholder={t('common.choose')}
        options={AGENCY_TYPES.map((type) => ({ value: type, label: t(`agencyTypes.${type}`) }))}
        error={errors['type']}
      />
      <TextField label={t('admin.agencies.district')} hint={t('admin.agencies.districtHint')} required {...field('district')} error={errors['district']} />
      {editing && (
        <CheckboxField label={t('admin.agencies.active')} hint={t('admin.agencies.activeHint')} {...asCheckbox(field('active'))} error={errors['active']} />
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{editing ? t('common.save') : t('admin.agencies.create')}</SubmitButton>
        <Link to="/admin/agencies">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
