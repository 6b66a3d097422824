import { PROTOCOL_LIMITS } from '@schakel/contracts';
import { DATA_CATEGORIES, isIsoDate, todayInBrussels, type DataCategory } from '@schakel/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { UnsavedChangesDialog } from '../../../components/UnsavedChangesDialog';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useUnsavedChangesGuard } from '../../../hooks/useUnsavedChangesGuard';
import { asGroup, useZodForm } from '../../../hooks/useZodForm';
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
  /** Set once saved: the unsaved-changes guard lets go, then the page moves to `path`. */
  savedTo: { path: string; notice: string } | null;
}

const OPTIONS = {
  fields: ['title', 'district', 'purpose', 'agencyIds', 'dataCategories', 'retentionMonths', 'validFrom', 'validUntil'] as const,
  handled: isStaleVersion,
};

/** A draft protocol: purpose, signatory agencies, the data categories it allows, retention and validity. */
export function ProtocolForm({ initial, pending, error, submitLabel, cancelTo, onSubmit, savedTo }: ProtocolFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencyDirectory();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, values, field, errors: clientErrors, onSubmit: validated, focusRequest } = useZodForm(protocolInputSchema, initial);
  const blocker = useUnsavedChangesGuard(form.formState.isDirty && !savedTo);
  useEffect(() => {
    if (savedTo) void navigate(savedTo.path, { state: { notice: savedTo.notice } });
  }, [savedTo, navigate]);
  const { errors, formError } = useFormErrors(clientErrors, error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, error]);

  const agencyOptions = (agencies.data ?? [])
    .filter((a) => a.active || initial.agencyIds.includes(a.id))
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`agencyTypes.${a.type}`)}, ${a.district})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = validated((parsed) => {
    if (!pending) onSubmit(parsed);
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <UnsavedChangesDialog blocker={blocker} />
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('protocols.fields.title')} required {...field('title')} error={errors['title']} />
      <TextField
        label={t('protocols.fields.district')}
        hint={t('protocols.fields.districtHint')}
        required
        {...field('district')}
        error={errors['district']}
      />
      <TextAreaField label={t('protocols.fields.purpose')} required rows={5} limit={PROTOCOL_LIMITS.purposeMax} {...field('purpose')} error={errors['purpose']} />
      <CheckboxGroup
        legend={t('protocols.fields.agencies')}
        hint={t('protocols.fields.agenciesHint')}
        {...asGroup(field('agencyIds'))}
        options={agencyOptions}
        error={errors['agencyIds'] ?? (agencies.isError ? t('protocols.agenciesFailed') : undefined)}
      />
      <CheckboxGroup
        legend={t('protocols.fields.categories')}
        {...asGroup(field('dataCategories'))}
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`dataCategories.${c}`) }))}
        error={errors['dataCategories']}
      />
      <TextField
        label={t('protocols.fields.retentionMonths')}
        hint={t('protocols.fields.retentionHint')}
        inputMode="numeric"
        required
        {...field('retentionMonths')}
        error={errors['retentionMonths']}
      />
      <div className="field-row">
        <TextField label={t('protocols.fields.validFrom')} type="date" required {...field('validFrom')} error={errors['validFrom']} />
        <TextField
          label={t('protocols.fields.validUntil')}
          hint={t('common.optional')}
          type="date"
          {...field('validUntil')}
          error={errors['validUntil']}
        />
      </div>
      {/* A protocol that has already expired allows no sharing: never without saying so. */}
      {isIsoDate(values.validUntil) && values.validUntil < todayInBrussels() && <p className="alert alert-warning">{t('screens.pastValidUntilProtocol')}</p>}
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
