import { PROTOCOL_LIMITS, protocolRequestSchema } from '@schakel/contracts';
import { DATA_CATEGORIES, isIsoDate, LANGUAGE_REGIMES, PROTOCOL_ROUTES, todayInBrussels, type DataCategory } from '@schakel/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CheckboxField } from '../../../components/CheckboxField';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { UnsavedChangesDialog } from '../../../components/UnsavedChangesDialog';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useUnsavedChangesGuard } from '../../../hooks/useUnsavedChangesGuard';
import { asCheckbox, asGroup, useZodForm } from '../../../hooks/useZodForm';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useAgencyDirectory } from '../../../api/agencyDirectory';
import type { ProtocolFormInput } from '../api/protocols';

export interface ProtocolFormValues {
  title: string;
  district: string;
  purpose: string;
  agencyIds: string[];
  dataCategories: DataCategory[];
  retentionMonths: string;
  validFrom: string;
  validUntil: string;
  approverAgencyIds: string[];
  /** The modalities are laid down (and sent) only when ticked. */
  withModalities: boolean;
  /** As typed: the inclusion criteria one per line; the regime and route `''` until chosen. */
  modalities: { inclusionCriteria: string; chair: string; informing: string; languageRegime: string; route: string };
}

/** The modalities' inputs before anything is typed. */
export const NO_MODALITIES: ProtocolFormValues['modalities'] = { inclusionCriteria: '', chair: '', informing: '', languageRegime: '', route: '' };

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
  fields: [
    'title',
    'district',
    'purpose',
    'agencyIds',
    'dataCategories',
    'retentionMonths',
    'validFrom',
    'validUntil',
    'approverAgencyIds',
    'modalities.inclusionCriteria',
    'modalities.chair',
    'modalities.informing',
    'modalities.languageRegime',
    'modalities.route',
  ] as const,
  handled: isStaleVersion,
};

/**
 * A draft protocol: purpose, signatory agencies, the data categories it allows, retention and validity,
 * the prosecution offices that must approve it and the modalities art. 458ter asks it to lay down.
 */
export function ProtocolForm({ initial, pending, error, submitLabel, cancelTo, onSubmit, savedTo }: ProtocolFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencyDirectory();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, values, field, errors: clientErrors, onSubmit: validated, focusRequest } = useZodForm(protocolRequestSchema, initial, { nested: true });
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
  const approverOptions = (agencies.data ?? [])
    .filter((a) => a.type === 'PROSECUTION' && (a.active || initial.approverAgencyIds.includes(a.id)))
    .map((a) => ({ value: a.id, label: `${a.name} (${a.district})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = validated((parsed) => {
    if (!pending) onSubmit(parsed);
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <UnsavedChangesDialog blocker={blocker} />
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('protocols.fields.title')} required {...field('title')} error={errors['title']} />
      <TextField label={t('protocols.fields.district')} hint={t('protocols.fields.districtHint')} required {...field('district')} error={errors['district']} />
      <TextAreaField
        label={t('protocols.fields.purpose')}
        required
        rows={5}
        limit={PROTOCOL_LIMITS.purposeMax}
        {...field('purpose')}
        error={errors['purpose']}
      />
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
        <TextField label={t('protocols.fields.validUntil')} hint={t('common.optional')} type="date" {...field('validUntil')} error={errors['validUntil']} />
      </div>
      {/* A protocol that has already expired allows no sharing: never without saying so. */}
      {isIsoDate(values.validUntil) && values.validUntil < todayInBrussels() && <p className="alert alert-warning">{t('screens.pastValidUntilProtocol')}</p>}
      {approverOptions.length > 0 && (
        <CheckboxGroup
          legend={t('protocols.fields.approvers')}
          hint={t('protocols.fields.approversHint')}
          {...asGroup(field('approverAgencyIds'))}
          options={approverOptions}
          error={errors['approverAgencyIds']}
        />
      )}
      {/* Modalities once laid down stay: the API has no way to take them away again. */}
      {!initial.withModalities && <CheckboxField label={t('protocols.fields.withModalities')} {...asCheckbox(field('withModalities'))} />}
      {values.withModalities && (
        <fieldset>
          <legend>{t('law.modalities')}</legend>
          <TextAreaField
            label={t('protocols.fields.inclusionCriteria')}
            hint={t('protocols.fields.inclusionCriteriaHint')}
            required
            rows={4}
            {...field('modalities.inclusionCriteria')}
            error={errors['modalities.inclusionCriteria']}
          />
          <TextField label={t('protocols.fields.chair')} required {...field('modalities.chair')} error={errors['modalities.chair']} />
          <TextAreaField
            label={t('protocols.fields.informing')}
            required
            rows={3}
            limit={PROTOCOL_LIMITS.informingMax}
            {...field('modalities.informing')}
            error={errors['modalities.informing']}
          />
          <div className="field-row">
            <SelectField
              label={t('protocols.fields.languageRegime')}
              required
              placeholder={t('common.choose')}
              options={LANGUAGE_REGIMES.map((r) => ({ value: r, label: t(`law.languageRegimes.${r}`) }))}
              {...field('modalities.languageRegime')}
              error={errors['modalities.languageRegime']}
            />
            <SelectField
              label={t('protocols.fields.route')}
              required
              placeholder={t('common.choose')}
              options={PROTOCOL_ROUTES.map((r) => ({ value: r, label: t(`law.routes.${r}`) }))}
              {...field('modalities.route')}
              error={errors['modalities.route']}
            />
          </div>
        </fieldset>
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        <Link to={cancelTo}>{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
