import { CASE_COMMAND_LIMITS, transitionRequestSchema } from '@schakel/contracts';
import type { Stage } from '@schakel/domain';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/FormAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { useFocusFirstInvalidOn } from '../../../hooks/useFocusFirstInvalidOn';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { useZodForm } from '../../../hooks/useZodForm';
import { isApiError } from '../../../lib/isApiError';
import { isStaleVersion } from '../../../lib/isStaleVersion';
import { useCaseConsequences, type CaseConsequences } from '../../consequences/consequences';
import { useTransitionCase } from '../api/cases';
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

/** The counts worth a second look before closing, in the order a case director weighs them. */
const CLOSING_COUNTS = [
  'openActions',
  'overdueActions',
  'pendingContributions',
  'openDataRequests',
  'upcomingConferences',
  'activeConsents',
] as const satisfies readonly (keyof CaseConsequences)[];

/**
 * Asks why the case moves (the reason goes into the timeline) and moves it. When the chain refuses
 * the step, says which conditions are not met yet, in the case director's terms. Before closing,
 * says what the case leaves behind (open actions, contributions still asked, conferences…).
 */
export function TransitionDialog({ caseData, to, onClose, onDone, onStale }: TransitionDialogProps) {
  const { t } = useTranslation();
  const transition = useTransitionCase();
  const closing = to === 'AFGESLOTEN';
  const consequences = useCaseConsequences(caseData.id, closing);
  const formRef = useRef<HTMLFormElement>(null);
  const { field, errors: clientErrors, onSubmit, focusRequest } = useZodForm(transitionRequestSchema, { reason: '' });
  const { errors, formError } = useFormErrors(clientErrors, transition.error, FORM_ERROR_OPTIONS);
  useFocusFirstInvalidOn(formRef, [focusRequest, transition.error]);
  const refusedError = isApiError(transition.error, 409) && transition.error.body.code === 'TRANSITION_NOT_ALLOWED' ? transition.error : null;
  const refused = refusedError ? ((refusedError.body['unmetGuards'] as UnmetGuard[] | undefined) ?? []) : null;
  const c = consequences.data;
  const leftBehind = c ? CLOSING_COUNTS.filter((k) => c[k] > 0) : [];

  const submit = onSubmit(({ reason }) => {
    if (transition.isPending) return;
    transition.mutate(
      { caseId: caseData.id, to, reason, version: caseData.version },
      {
        onSuccess: (saved) => onDone(saved.stage),
        onError: (error) => {
          if (isStaleVersion(error)) onStale();
        },
      },
    );
  });

  return (
    <Dialog title={transitionLabel(caseData.stage, to, t)} onClose={onClose}>
      <form ref={formRef} onSubmit={submit} noValidate>
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
        {closing && (
          <div className="consequences" data-testid="close-consequences">
            {consequences.isPending && <p className="muted">{t('common.loading')}</p>}
            {c && leftBehind.length === 0 && <p>{t('confirm.case.nothingOpen')}</p>}
            {c && leftBehind.length > 0 && (
              <>
                <p>
                  <strong>{t('confirm.case.leftBehind')}</strong>
                </p>
                <ul>
                  {leftBehind.map((k) => (
                    <li key={k}>{t(`confirm.case.${k}`, { count: c[k] })}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <FormAlert>{formError}</FormAlert>
        <TextAreaField
          label={t('case.transition.reason')}
          hint={t('case.transition.reasonHint')}
          required
          limit={CASE_COMMAND_LIMITS.transitionReasonMax}
          {...field('reason')}
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
