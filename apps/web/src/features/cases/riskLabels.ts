import type { RiskAnswerValue } from '@schakel/domain';

/** The catalogue key of an answer value (`n/a` has no slash in the catalogue). */
export const answerValueKey = (v: RiskAnswerValue) => (v === 'n/a' ? 'na' : v);
