import { CASEWORK_LIMITS, evaluationRequestSchema } from '@schakel/contracts';
import { EVALUATION_OUTCOMES } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useRecordEvaluation } from '../api/actions';

interface EvaluationFormProps {
  caseId: string;
  /** The confirmation goes to the page: the form itself may be gone once the case moves on. */
  onDone: (message: string) => void;
}

const OPTIONS = { fields: ['outcome', 'summary'] as const };
const EMPTY = { outcome: '', summary: '' };

/**
 * Evaluatie: continue or escalate (the case goes back to case direction), or close — closing is
 * then a separate step the case director takes explicitly.
 */
export function EvaluationForm({ caseId, onDone }: EvaluationFormProps) {
  const { t } = useTranslation();
  const evaluate = useRecordEvaluation();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(evaluationRequestSchema, EMPTY);
  const { errors, formError } = useFormErrors(clientErrors, evaluate.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, evaluate.error]);

  const submit = onSubmit((parsed) => {
    if (evaluate.isPending) return;
    evaluate.mutate(
      { caseId, ...parsed },
      {
        onSuccess: (e) => {
          form.reset(EMPTY);
          onDone(
            e.outcome === 'CLOSE'
              ? t('case.evaluation.recordedClose')
              : t('case.evaluation.recorded', { outcome: t(`evaluationOutcomes.${e.outcome}`), stage: t(`stages.${e.caseStage}`) }),
          );
        },
      },
    );
  });

  return (
    <section aria-labelledby="evaluation-title">
      <h2 id="evaluation-title">{t('case.evaluation.title')}</h2>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert>{formError}</FormAlert>
        <RadioGroup
          legend={t('case.evaluation.outcome')}
          {...field('outcome')}
          options={EVALUATION_OUTCOMES.map((o) => ({ value: o, label: t(`evaluationOutcomes.${o}`), description: t(`case.evaluation.outcomeHint.${o}`) }))}
          error={errors['outcome']}
        />
        <TextAreaField label={t('case.evaluation.summary')} limit={CASEWORK_LIMITS.evaluationSummaryMax} {...field('summary')} error={errors['summary']} />
        <SubmitButton pending={evaluate.isPending}>{t('case.evaluation.submit')}</SubmitButton>
      </form>
    </section>
  );
}
