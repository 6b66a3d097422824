import { waiverRequestSchema } from '@schakel/contracts';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useWaiveContribution } from '../api/cases';
import type { CaseAgency } from '../types';

interface WaiverFormProps {
  caseId: string;
  agency: CaseAgency;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const OPTIONS = { fields: ['reason'] as const };

/** Records that an invited agency will not contribute, so weighing can start without it. */
export function WaiverForm({ caseId, agency, onDone, onCancel }: WaiverFormProps) {
  const { t } = useTranslation();
  const waive = useWaiveContribution();
  const formRef = useRef<HTMLFormElement>(null);
  const { field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(waiverRequestSchema, { reason: '' });
  const { errors, formError } = useFormErrors(clientErrors, waive.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, waive.error]);

  const submit = onSubmit((parsed) => {
    if (waive.isPending) return;
    waive.mutate({ caseId, agencyId: agency.id, reason: parsed.reason }, { onSuccess: () => onDone(t('case.agencies.waived', { name: agency.name })) });
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-label={t('case.agencies.waiveFor', { name: agency.name })}>
      <FormAlert>{formError}</FormAlert>
      <TextField label={t('case.agencies.waiverReason')} autoFocus {...field('reason')} error={errors['reason']} />
      <div className="form-actions">
        <SubmitButton pending={waive.isPending}>{t('case.agencies.waive')}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
