import { consentRequestSchema } from '@schakel/contracts';
import { CONSENT_METHODS, DATA_CATEGORIES, isIsoDate, todayInBrussels } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/CheckboxGroup';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { asGroup, useZodForm } from '../../../hooks/useZodForm';
import type { FieldErrors } from '../../../lib/FieldErrors';
import { useCreateConsent } from '../api/consents';
import type { CaseDetail, Person } from '../types';

interface ConsentFormProps {
  caseData: CaseDetail;
  person: Person;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const FIELDS = ['personId', 'status', 'method', 'agencyIds', 'dataCategories', 'validUntil', 'evidence'] as const;
// The API nests the scope; its field names point at the form's flat fields.
const OPTIONS = { fields: [...FIELDS, 'scope.agencyIds', 'scope.dataCategories'] as const };

/** Records a person's consent (or refusal): which agencies may receive which categories of information. */
export function ConsentForm({ caseData, person, onDone, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const create = useCreateConsent();
  const formRef = useRef<HTMLFormElement>(null);
  const {
    values,
    field,
    errors: clientErrors,
    onSubmit,
    focusRequest,
  } = useZodForm(consentRequestSchema, {
    personId: person.id,
    status: '',
    method: '',
    agencyIds: [] as string[],
    dataCategories: [] as string[],
    validUntil: '',
    evidence: '',
  });
  const { errors: raw, formError } = useFormErrors(clientErrors, create.error, OPTIONS);
  const errors: FieldErrors = {
    ...raw,
    agencyIds: raw['agencyIds'] ?? raw['scope.agencyIds'],
    dataCategories: raw['dataCategories'] ?? raw['scope.dataCategories'],
  };
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    create.mutate(
      { caseId: caseData.id, ...parsed },
      {
        onSuccess: (c) =>
          onDone(t(c.status === 'GIVEN' ? 'consents.recordedGiven' : 'consents.recordedRefused', { name: `${person.firstName} ${person.lastName}` })),
      },
    );
  });

  return (
    <form
      ref={formRef}
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('consents.formFor', { name: `${person.firstName} ${person.lastName}` })}
    >
      <FormAlert>{formError}</FormAlert>
      <RadioGroup
        legend={t('consents.status')}
        {...field('status')}
        options={(['GIVEN', 'REFUSED'] as const).map((s) => ({ value: s, label: t(`consentStatuses.${s}`) }))}
        error={errors['status']}
      />
      <SelectField
        label={t('consents.method')}
        {...field('method')}
        placeholder={t('common.choose')}
        options={CONSENT_METHODS.map((m) => ({ value: m, label: t(`consentMethods.${m}`) }))}
        error={errors['method']}
      />
      <CheckboxGroup
        legend={t('consents.agencies')}
        hint={t('consents.agenciesHint')}
        {...asGroup(field('agencyIds'))}
        options={caseData.agencies.map((a) => ({ value: a.id, label: a.name }))}
        error={errors['agencyIds']}
      />
      <CheckboxGroup
        legend={t('consents.categories')}
        {...asGroup(field('dataCategories'))}
        options={DATA_CATEGORIES.map((c) => ({ value: c, label: t(`dataCategories.${c}`) }))}
        error={errors['dataCategories']}
      />
      <TextField label={t('consents.validUntil')} hint={t('common.optional')} type="date" {...field('validUntil')} error={errors['validUntil']} />
      {/* A consent that has already ended covers no sharing: allowed as a record, never without saying so. */}
      {isIsoDate(values.validUntil) && values.validUntil < todayInBrussels() && <p className="alert alert-warning">{t('screens.pastValidUntil')}</p>}
      <TextField label={t('consents.evidence')} hint={t('consents.evidenceHint')} {...field('evidence')} error={errors['evidence']} />
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('consents.record')}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
