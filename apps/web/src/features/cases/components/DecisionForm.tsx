import { CASE_COMMAND_LIMITS, decisionRequestSchema } from '@schakel/contracts';
import { DECISION_TYPES } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { useRecordDecision } from '../api/cases';

interface DecisionFormProps {
  caseId: string;
  /** The confirmation goes to the page: the form itself may be gone once the case moves on. */
  onDone: (message: string) => void;
}

const OPTIONS = { fields: ['type', 'rationale'] as const };
const EMPTY = { type: '', rationale: '' };

/** Weging: the case director's decision to include the case in the chain approach, refer it elsewhere, or stop. */
export function DecisionForm({ caseId, onDone }: DecisionFormProps) {
  const { t } = useTranslation();
  const decide = useRecordDecision();
  const formRef = useRef<HTMLFormElement>(null);
  const { form, field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(decisionRequestSchema, EMPTY);
  const { errors, formError } = useFormErrors(clientErrors, decide.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, decide.error]);

  const submit = onSubmit((parsed) => {
    if (decide.isPending) return;
    decide.mutate(
      { caseId, ...parsed },
      {
        onSuccess: (d) => {
          form.reset(EMPTY);
          onDone(t('case.decision.recorded', { type: t(`decisionTypes.${d.type}`) }));
        },
      },
    );
  });

  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('case.decision.title')}</h2>
      <p>{t('case.decision.intro')}</p>
      <form ref={formRef} onSubmit={submit} noValidate>
        <FormAlert>{formError}</FormAlert>
        <RadioGroup
          legend={t('case.decision.type')}
          {...field('type')}
          options={DECISION_TYPES.map((d) => ({ value: d, label: t(`decisionTypes.${d}`) }))}
          error={errors['type']}
        />
        <TextAreaField
          label={t('case.decision.rationale')}
          limit={CASE_COMMAND_LIMITS.decisionRationaleMax}
          {...field('rationale')}
          error={errors['rationale']}
        />
        <SubmitButton pending={decide.isPending}>{t('case.decision.submit')}</SubmitButton>
      </form>
    </section>
  );
}
