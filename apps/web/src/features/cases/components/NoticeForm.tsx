import { NOTICE_METHODS } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { brusselsLocalToIso, nowInBrusselsLocal } from '../../../lib/brusselsTime';
import { noticeInputSchema, useCreateNotice } from '../api/consents';
import type { Person } from '../types';

interface NoticeFormProps {
  caseId: string;
  person: Person;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const OPTIONS = { fields: ['personId', 'withheld', 'informedAt', 'method', 'justification', 'reviewDate'] as const };

/**
 * Records that the person was told their situation is discussed in a case conference — or that
 * telling them is withheld for now because it would endanger someone, and why.
 */
export function NoticeForm({ caseId, person, onDone, onCancel }: NoticeFormProps) {
  const { t } = useTranslation();
  const create = useCreateNotice();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({
    personId: person.id,
    withheld: false,
    informedAt: nowInBrusselsLocal(),
    method: '',
    justification: '',
    reviewDate: '',
  });
  const live = useLiveValidation(noticeInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, create.error]);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const name = `${person.firstName} ${person.lastName}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    const done = () => onDone(t(parsed.withheld ? 'notices.recordedWithheld' : 'notices.recordedInformed', { name }));
    if (parsed.withheld) {
      create.mutate(
        { caseId, personId: person.id, withheld: true, justification: parsed.justification.trim(), ...(parsed.reviewDate ? { reviewDate: parsed.reviewDate } : {}) },
        { onSuccess: done },
      );
    } else {
      create.mutate({ caseId, personId: person.id, informedAt: brusselsLocalToIso(parsed.informedAt) ?? parsed.informedAt, method: parsed.method }, { onSuccess: done });
    }
  };

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} onBlur={live.onBlur} noValidate aria-label={t('notices.formFor', { name })}>
      <FormAlert>{formError}</FormAlert>
      <RadioGroup
        legend={t('notices.kind')}
        name="withheld"
        value={values.withheld ? 'withheld' : 'informed'}
        onChange={(v) => set('withheld')(v === 'withheld')}
        options={[
          { value: 'informed', label: t('notices.informed') },
          { value: 'withheld', label: t('notices.withheld'), description: t('notices.withheldHint') },
        ]}
      />
      {values.withheld ? (
        <>
          <TextAreaField
            label={t('notices.justification')}
            hint={t('notices.justificationHint')}
            name="justification"
            value={values.justification}
            onChange={set('justification')}
            error={errors['justification']}
          />
          <TextField
            label={t('notices.reviewDate')}
            hint={t('notices.reviewDateHint')}
            name="reviewDate"
            type="date"
            value={values.reviewDate}
            onChange={set('reviewDate')}
            error={errors['reviewDate']}
          />
        </>
      ) : (
        <>
          <TextField
            label={t('notices.informedAt')}
            hint={t('notices.informedAtHint')}
            name="informedAt"
            type="datetime-local"
            value={values.informedAt}
            onChange={set('informedAt')}
            error={errors['informedAt']}
          />
          <SelectField
            label={t('notices.method')}
            name="method"
            value={values.method}
            onChange={set('method')}
            placeholder={t('common.choose')}
            options={NOTICE_METHODS.map((m) => ({ value: m, label: t(`noticeMethods.${m}`) }))}
            error={errors['method']}
          />
        </>
      )}
      <div className="form-actions">
        <SubmitButton pending={create.isPending}>{t('notices.record')}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
