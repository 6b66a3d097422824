import { CASEWORK_LIMITS, noticeRequestSchema } from '@schakel/contracts';
import { isIsoDate, NOTICE_METHODS, todayInBrussels } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { brusselsLocalToIso, nowInBrusselsLocal } from '../../../lib/brusselsTime';
import { useCreateNotice } from '../api/consents';
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
  const {
    values,
    field,
    errors: clientErrors,
    onSubmit,
    focusRequest,
  } = useZodForm(noticeRequestSchema, {
    personId: person.id,
    withheld: false,
    informedAt: nowInBrusselsLocal(),
    method: '',
    justification: '',
    reviewDate: '',
  });
  const { errors, formError } = useFormErrors(clientErrors, create.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, create.error]);
  const name = `${person.firstName} ${person.lastName}`;
  const withheld = field('withheld');

  const submit = onSubmit((parsed) => {
    if (create.isPending) return;
    const done = () => onDone(t(parsed.withheld ? 'notices.recordedWithheld' : 'notices.recordedInformed', { name }));
    if (parsed.withheld) {
      create.mutate(
        {
          caseId,
          personId: person.id,
          withheld: true,
          justification: parsed.justification.trim(),
          ...(parsed.reviewDate ? { reviewDate: parsed.reviewDate } : {}),
        },
        { onSuccess: done },
      );
    } else {
      create.mutate(
        { caseId, personId: person.id, informedAt: brusselsLocalToIso(parsed.informedAt) ?? parsed.informedAt, method: parsed.method },
        { onSuccess: done },
      );
    }
  });

  return (
    <form ref={formRef} className="inline-form" onSubmit={submit} noValidate aria-label={t('notices.formFor', { name })}>
      <FormAlert>{formError}</FormAlert>
      <RadioGroup
        legend={t('notices.kind')}
        {...withheld}
        value={values.withheld ? 'withheld' : 'informed'}
        onChange={(v) => withheld.onChange(v === 'withheld')}
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
            limit={CASEWORK_LIMITS.noticeJustificationMax}
            {...field('justification')}
            error={errors['justification']}
          />
          <TextField label={t('notices.reviewDate')} hint={t('notices.reviewDateHint')} type="date" {...field('reviewDate')} error={errors['reviewDate']} />
          {isIsoDate(values.reviewDate) && values.reviewDate < todayInBrussels() && <p className="alert alert-warning">{t('screens.pastReviewDate')}</p>}
        </>
      ) : (
        <>
          <TextField
            label={t('notices.informedAt')}
            hint={t('notices.informedAtHint')}
            type="datetime-local"
            {...field('informedAt')}
            error={errors['informedAt']}
          />
          <SelectField
            label={t('notices.method')}
            {...field('method')}
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
