import type { Stage } from '@schakel/domain';
import type { TFunction } from 'i18next';

/** The button text for a chain step: "Accept the referral", "Close the case", "Move to Weighing". */
export function transitionLabel(from: Stage, to: Stage, t: TFunction): string {
  if (from === 'AANMELDING' && to === 'DOSSIERVORMING') return t('case.transition.accept');
  if (from === 'AANMELDING' && to === 'AFGESLOTEN') return t('case.transition.decline');
  if (to === 'AFGESLOTEN') return t('case.transition.close');
  if (from === 'EVALUATIE' && to === 'CASUSREGIE') return t('case.transition.back');
  return t('case.transition.to', { stage: t(`stages.${to}`) });
}
