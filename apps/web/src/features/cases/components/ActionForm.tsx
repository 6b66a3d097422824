import { actionRequestSchema, actionUpdateRequestSchema, CASEWORK_LIMITS } from '@schakel/contracts';
import { ACTION_STATUSES, isIsoDate, MEASURES, todayInBrussels } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import type { ActionInput, ActionUpdateInput } from '../api/actions';
import type { CaseAgency } from '../types';

export interface ActionFormValues {
  description: string;
  ownerAgencyId: string;
  dueDate: string;
  measure: string;
  status: string;
}

type ActionFormProps = {
  agencies: CaseAgency[];
  initial: ActionFormValues;
  pending: boolean;
  error: unknown;
  label: string;
  onCancel?: () => void;
} & ({ editing: false; onSubmit: (values: ActionInput) => void } | { editing: true; onSubmit: (values: ActionUpdateInput) => void });

const OPTIONS = {
  fields: ['description', 'ownerAgencyId', 'dueDate', 'measure', 'status'] as const,
  codeFields: { AGENCY_NOT_IN_CASE: 'ownerAgencyId' },
  handled: isStaleVersion,
};

/** One action of the plan: what, which agency owns it, by when, which measure; its status once it exists. */
export function ActionForm(props: ActionFormProps) {
  const { agencies, initial, pending, error, label, editing, onCancel } = props;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  // A form's schema is fixed for its life: a new action and an existing one are different forms.
  const {
    values,
    field,
    errors: clientErrors,
    onSubmit,
    focusRequest,
  } = useZodForm<typeof actionUpdateRequestSchema | typeof actionRequestSchema, ActionFormValues>(
    editing ? actionUpdateRequestSchema : actionRequestSchema,
    initial,
  );
  const { errors, formError } = useFormErrors(clientErrors, error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, error]);

  const submit = onSubmit((parsed) => {
    if (pending) return;
    if (props.editing) props.onSubmit(parsed as ActionUpdateInput);
    else props.onSubmit(parsed as ActionInput);
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-label={label}>
      <FormAlert>{formError}</FormAlert>
      <TextAreaField
        label={t('actions.description')}
        rows={3}
        limit={CASEWORK_LIMITS.actionDescriptionMax}
        {...field('description')}
        error={errors['description']}
      />
      <SelectField
        label={t('actions.owner')}
        hint={t('actions.ownerHint')}
        {...field('ownerAgencyId')}
        placeholder={t('common.choose')}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        error={errors['ownerAgencyId']}
      />
      <TextField label={t('actions.dueDate')} type="date" {...field('dueDate')} error={errors['dueDate']} />
      {/* Allowed (a late record of an agreed action), but never without saying so. */}
      {isIsoDate(values.dueDate) && values.dueDate < todayInBrussels() && <p className="alert alert-warning">{t('screens.pastDeadline')}</p>}
      <SelectField
        label={t('actions.measure')}
        {...field('measure')}
        placeholder={t('common.choose')}
        options={MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))}
        error={errors['measure']}
      />
      {editing && (
        <SelectField
          label={t('actions.status')}
          {...field('status')}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatuses.${s}`) }))}
          error={errors['status']}
        />
      )}
      <div className="form-actions">
        <SubmitButton pending={pending}>{editing ? t('common.save') : t('actions.add')}</SubmitButton>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
