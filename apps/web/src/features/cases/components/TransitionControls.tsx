import type { Stage } from '@schakel/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../types';
import { TransitionDialog } from './TransitionDialog';
import { transitionLabel } from '../transitionLabel';

interface TransitionControlsProps {
  caseData: CaseDetail;
  onMoved: (stage: Stage) => void;
  onStale: () => void;
}

/** One button per step the chain allows from here; each asks for the reason before moving the case. */
export function TransitionControls({ caseData, onMoved, onStale }: TransitionControlsProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Stage | null>(null);
  if (caseData.nextStages.length === 0) return null;
  return (
    <div className="transition-controls" role="group" aria-label={t('case.transition.label')}>
      {caseData.nextStages.map((to) => (
        <button key={to} type="button" className={to === 'AFGESLOTEN' ? undefined : 'button-primary'} onClick={() => setTarget(to)}>
          {transitionLabel(caseData.stage, to, t)}
        </button>
      ))}
      {target && (
        <TransitionDialog
          caseData={caseData}
          to={target}
          onClose={() => setTarget(null)}
          onDone={(stage) => {
            setTarget(null);
            onMoved(stage);
          }}
          onStale={() => {
            setTarget(null);
            onStale();
          }}
        />
      )}
    </div>
  );
}
