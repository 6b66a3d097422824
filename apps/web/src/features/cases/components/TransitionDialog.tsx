import type { Stage } from '@schakel/domain';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useLiveValidation } from '../../../hooks/useLiveValidation';
import { isApiError } from '../../../lib/isApiError';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { transitionInputSchema, useTransitionCase } from '../api/cases';
import { explainGuard } from '../explainRefusal';
import type { CaseDetail, UnmetGuard } from '../types';
import { transitionLabel } from '../transitionLabel';

interface TransitionDialogProps {
  caseData: CaseDetail;
  to: Stage;
  onClose: () => void;
  onDone: (stage: Stage) => void;
  onStale: () => void;
}

const FIELDS = ['reason'] as const;
const isRefusedStep = (error: unknown) => isApiError(error, 409) && error.body.code === 'TRANSITION_NOT_ALLOWED';
const FORM_ERROR_OPTIONS = { fields: FIELDS, handled: (e: unknown) => isRefusedStep(e) || isStaleVersion(e) };

/**
 * Asks why the case moves (the reason goes into the timeline) and moves it. When the chain refuses
 * the step, says which conditions are not met yet, in the case director's terms.
 */
export function TransitionDialog({ caseData, to, onClose, onDone, onStale }: TransitionDialogProps) {
  const { t } = useTranslation();
  const transition = useTransitionCase();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ reason: '' });
  const live = useLiveValidation(transitionInputSchema, values);
  const { errors, formError } = useFormErrors(live.errors, transition.error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalidOn(formRef, [live.focusRequest, transition.error]);
  const refusedError = isApiError(transition.error, 409) && transition.error.body.code === 'TRANSITION_NOT_ALLOWED' ? transition.error : null;
  const refused = refusedError ? ((refusedError.body['unmetGuards'] as UnmetGuard[] | undefined) ?? []) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (transition.isPending) return;
    const parsed = live.validate();
    if (!parsed) return;
    transition.mutate(
      { caseId: caseData.id, to, reason: parsed.reason, version: caseData.version },
      {
        onSuccess: (saved) => onDone(saved.stage),
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
        },
      },
    );
  };

  return (
    <Dialog title={transitionLabel(caseData.stage, to, t)} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} onBlur={live.onBlur} noValidate>
        {refused && (
          <div role="alert" className="alert alert-warning" tabIndex={-1}>
            <p>
              <strong>{t('case.transition.refused', { stage: t(`stages.${to}`) })}</strong>
            </p>
            <ul>
              {refused.map((g) => (
                <li key={g.code}>{explainGuard(g, t)}</li>
              ))}
            </ul>
          </div>
        )}
        <FormAlert>{formError}</FormAlert>
        <TextAreaField
          label={t('case.transition.reason')}
          hint={t('case.transition.reasonHint')}
          name="reason"
          required
          value={values.reason}
          onChange={(reason) => setValues({ reason })}
          error={errors['reason']}
        />
        <div className="form-actions">
          <SubmitButton pending={transition.isPending}>{transitionLabel(caseData.stage, to, t)}</SubmitButton>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
