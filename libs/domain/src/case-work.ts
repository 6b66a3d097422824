import type { Stage } from './enums';

// When case work may be recorded, independent of who records it (that is libs/authz's question).

/**
 * An inclusion decision is taken while weighing the case; one prepared while building the file
 * (e.g. at a conference) is accepted too.
 */
export const DECISION_STAGES: readonly Stage[] = ['DOSSIERVORMING', 'WEGING'];

export function mayDecideIn(stage: Stage): boolean {
  return DECISION_STAGES.includes(stage);
}

/** A case is evaluated in the evaluation stage, and only there. */
export const EVALUATION_STAGE: Stage = 'EVALUATIE';

export function mayEvaluateIn(stage: Stage): boolean {
  return stage === EVALUATION_STAGE;
}

/** A referral is a repeat one when a person in it was referred within this many months. */
export const REPEAT_REFERRAL_MONTHS = 12;

/**
 * The earliest moment an earlier referral of the same person makes a new one a repeat referral:
 * the same calendar arithmetic as PostgreSQL's `now() - interval '12 months'` (the day of month is
 * kept, clamped to the month's last day: 29 Feb 2028 → 28 Feb 2027).
 */
export function repeatWindowStart(now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const lastDay = new Date(Date.UTC(y - 1, m + 1, 0)).getUTCDate();
  const start = new Date(now.getTime());
  start.setUTCFullYear(y - 1, m, Math.min(now.getUTCDate(), lastDay));
  return start;
}

export function isRepeatReferral(earlierReferralAt: Date, now: Date): boolean {
  return earlierReferralAt.getTime() > repeatWindowStart(now).getTime() && earlierReferralAt.getTime() <= now.getTime();
}

/**
 * The chain guard the action reminders share with the chain: an open action is due for a
 * reminder when it is owned, due by `today`, and its case is not closed.
 */
export function actionNeedsReminder(action: { status: string; dueDate: string | null }, caseStage: Stage, today: string): boolean {
  return action.status === 'OPEN' && action.dueDate !== null && action.dueDate <= today && caseStage !== 'AFGESLOTEN';
}
