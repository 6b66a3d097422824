import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { useWaiveContribution, waiverInputSchema } from '../api/cases';
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
  const [values, setValues] = useState({ reason: '' });
  const live = useLiveValidation(waiverInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, waive.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, waive.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (waive.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    waive.mutate(
      { caseId, agencyId: agency.id, reason: parsed.reason },
      { onSuccess: () => onDone(t('case.agencies.waived', { name: agency.name })) },
    );
  };

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onBlur={live.onBlur} noValidate aria-label={t('case.agencies.waiveFor', { name: agency.name })}>
      <FormAlert>{formError}</FormAlert>
      <TextField
        label={t('case.agencies.waiverReason')}
        name="reason"
        autoFocus
        value={values.reason}
        onChange={(reason) => setValues({ reason })}
        error={errors['reason']}
      />
      <div className="form-actions">
        <SubmitButton pending={waive.isPending}>{t('case.agencies.waive')}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
