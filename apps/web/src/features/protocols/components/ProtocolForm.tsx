import { DATA_CATEGORIES, type DataCategory } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import { protocolInputSchema, type ProtocolFormInput } from '../api/protocols';

export interface ProtocolFormValues {
  title: string;
  district: string;
  purpose: string;
  agencyIds: string[];
  dataCategories: DataCategory[];
  retentionMonths: string;
  validFrom: string;
  validUntil: string;
}

interface ProtocolFormProps {
  initial: ProtocolFormValues;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ProtocolFormInput) => void;
}

const OPTIONS = {
  fields: ['title', 'district', 'purpose', 'agencyIds', 'dataCategories', 'retentionMonths', 'validFrom', 'validUntil'] as const,
  handled: isStaleVersion,
};

/** A draft protocol: purpose, signatory agencies, the data categories it allows, retention and validity. */
export function ProtocolForm({ initial, pending, error, submitLabel, cancelTo, onSubmit }: ProtocolFormProps) {
  const { t } = useTranslation();
  const agencies = useAgencyDirectory();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const live = useLiveValidation(protocolInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, error]);
  const set = <K extends keyof ProtocolFormValues>(key: K) => (value: ProtocolFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active || initial.agencyIds.includes(a.id))
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`agencyTypes.${a.type}`)}, ${a.district})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const parsed = live.validate();
    if (parsed) onSubmit(parsed);
  };

  return (
    <form ref={formRef} onSubmit={submit} onBlur={live.onBlur} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('protocols.fields.title')} name="title" required value={values.title} onChange={set('title')} error={errors['title']} />
      <TextField
        label={t('protocols.fields.district')}
        hint={t('protocols.fields.districtHint')}
        name="district"
        required
        value={values.district}
        onChange={set('district')}
        error={errors['district']}
      />
      <TextAreaField label={t('protocols.fields.purpose')} name="purpose" required rows={5} value={values.purpose} onChange={set('purpose')} error={errors['purpose']} />
      <CheckboxGroup
        legend={t('protocols.fields.agencies')}
        hint={t('protocols.fields.agenciesHint')}
        name="agencyIds"
        values={values.agencyIds}
        onChange={set('agencyIds')}
        options={agencyOptions}
        error={errors['agencyIds'] ?? (agencies.isError ? t('protocols.agenciesFailed') : undefined)}
      />
      <CheckboxGroup
        legend={t('protocols.fields.categories')}
        name="dataCategories"
        values={values.dataCategories}
        onChange={(v) => set('dataCategories')(v as DataCategory[])}
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`dataCategories.${c}`) }))}
        error={errors['dataCategories']}
      />
      <TextField
        label={t('protocols.fields.retentionMonths')}
        hint={t('protocols.fields.retentionHint')}
        name="retentionMonths"
        inputMode="numeric"
        required
        value={values.retentionMonths}
        onChange={set('retentionMonths')}
        error={errors['retentionMonths']}
      />
      <div className="field-row">
        <TextField label={t('protocols.fields.validFrom')} name="validFrom" type="date" required value={values.validFrom} onChange={set('validFrom')} error={errors['validFrom']} />
        <TextField
          label={t('protocols.fields.validUntil')}
          hint={t('common.optional')}
          name="validUntil"
          type="date"
          value={values.validUntil}
          onChange={set('validUntil')}
          error={errors['validUntil']}
        />
      </div>
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
