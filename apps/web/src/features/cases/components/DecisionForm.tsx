import { DECISION_TYPES } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/FormAlert';
import { RadioGroup } from '../../../components/RadioGroup';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { decisionInputSchema, useRecordDecision } from '../api/cases';

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
  const [values, setValues] = useState(EMPTY);
  const live = useLiveValidation(decisionInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, decide.error, OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, decide.error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decide.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    decide.mutate(
      { caseId, ...parsed },
      {
        onSuccess: (d) => {
          setValues(EMPTY);
          live.reset();
          onDone(t('case.decision.recorded', { type: t(`decisionTypes.${d.type}`) }));
        },
      },
    );
  };

  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t('case.decision.title')}</h2>
      <p>{t('case.decision.intro')}</p>
      <form ref={formRef} onSubmit={submit} onBlur={live.onBlur} noValidate>
        <FormAlert>{formError}</FormAlert>
        <RadioGroup
          legend={t('case.decision.type')}
          name="type"
          value={values.type}
          onChange={(type) => setValues((v) => ({ ...v, type }))}
          options={DECISION_TYPES.map((d) => ({ value: d, label: t(`decisionTypes.${d}`) }))}
          error={errors['type']}
        />
        <TextAreaField
          label={t('case.decision.rationale')}
          name="rationale"
          value={values.rationale}
          onChange={(rationale) => setValues((v) => ({ ...v, rationale }))}
          error={errors['rationale']}
        />
        <SubmitButton pending={decide.isPending}>{t('case.decision.submit')}</SubmitButton>
      </form>
    </section>
  );
}
