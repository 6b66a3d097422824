import { STAGES, type ClosureReason, type Stage } from '@schakel/domain';
import { useTranslation } from 'react-i18next';

interface ChainStepperProps {
  stage: Stage;
  closureReason: ClosureReason | null;
}

/** The last step a case closed for this reason actually went through before AFGESLOTEN. */
const LAST_STEP_BEFORE_CLOSING: Record<ClosureReason, Stage> = {
  DECLINED: 'AANMELDING',
  NOT_INCLUDED: 'WEGING',
  COMPLETED: 'EVALUATIE',
};

/**
 * The chain (ketenaanpak) as a list of its seven steps, the current one marked with
 * aria-current="step". Steps a closed case never went through are marked as skipped, not done.
 */
export function ChainStepper({ stage, closureReason }: ChainStepperProps) {
  const { t } = useTranslation();
  const current = STAGES.indexOf(stage);
  const lastReached = stage === 'AFGESLOTEN' && closureReason ? STAGES.indexOf(LAST_STEP_BEFORE_CLOSING[closureReason]) : current - 1;
  return (
    <ol className="stepper" aria-label={t('case.stepper.label')}>
      {STAGES.map((s, i) => {
        const state = i === current ? 'current' : i > current ? 'upcoming' : i <= lastReached ? 'done' : 'skipped';
        return (
          <li key={s} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="step-name">{t(`stages.${s}`)}</span>
            <span className="visually-hidden"> ({t(`case.stepper.${state}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
