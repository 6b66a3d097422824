// The case chain (ketenaanpak) as a pure state machine. The API runs checkTransition inside the
// transaction that moves a case, and the SPA runs the same function to explain, before anyone
// clicks, why a step is not possible yet — so every guard message is written for a case
// director, not for a developer.

import type { ActionStatus, ClosureReason, DecisionType, EvaluationOutcome, Stage } from './enums';

export interface ChainFacts {
  stage: Stage;
  /** Agencies invited to the case. */
  invitedAgencyIds: string[];
  /** Agencies with at least one contribution. */
  contributingAgencyIds: string[];
  /** Agencies whose contribution was waived by a recorded waiver. */
  waivedAgencyIds: string[];
  /** Most recent inclusion decision. */
  latestDecision: DecisionType | null;
  actions: { ownerAgencyId: string | null; dueDate: string | null /* YYYY-MM-DD */; status: ActionStatus }[];
  /** Most recent evaluation since the case entered EVALUATIE, null if none. */
  latestEvaluation: EvaluationOutcome | null;
  /** YYYY-MM-DD in Europe/Brussels, supplied by the caller so the rules stay deterministic. */
  today: string;
}

export type GuardCode =
  | 'CONTRIBUTIONS_MISSING'
  | 'INCLUSION_DECISION_MISSING'
  | 'EXCLUSION_DECISION_MISSING'
  | 'OWNED_ACTION_MISSING'
  | 'NO_ACTION_DONE_OR_DUE'
  | 'CLOSING_EVALUATION_MISSING'
  | 'ILLEGAL_STEP';

export interface UnmetGuard {
  code: GuardCode;
  message: string;
}

export interface TransitionVerdict {
  allowed: boolean;
  unmetGuards: UnmetGuard[];
  /** Set on every legal step into AFGESLOTEN (even while its guard is unmet), so the UI can say why the case would close. */
  closureReason?: ClosureReason;
}

type Guard = (facts: ChainFacts) => UnmetGuard | null;

interface Edge {
  to: Stage;
  closureReason?: ClosureReason;
  guard?: Guard;
}

// Dutch stage names are what partners say at the table; the English gloss is for everyone else.
const STAGE_NAMES: Record<Stage, string> = {
  AANMELDING: 'Aanmelding (referral)',
  DOSSIERVORMING: 'Dossiervorming (file building)',
  WEGING: 'Weging (weighing)',
  CASUSREGIE: 'Casusregie (case direction)',
  UITVOERING: 'Uitvoering (execution)',
  EVALUATIE: 'Evaluatie (evaluation)',
  AFGESLOTEN: 'Afgesloten (closed)',
};

const DECISION_WORDS: Record<DecisionType, string> = {
  INCLUDE: 'include the case',
  REFER_ELSEWHERE: 'refer elsewhere',
  NO_FURTHER_ACTION: 'no further action',
};

const OUTCOME_WORDS: Record<EvaluationOutcome, string> = {
  CONTINUE: 'continue',
  ESCALATE: 'escalate',
  CLOSE: 'close',
};

function describeStage(stage: string): string {
  // The target stage may come straight from a request body; never let an unknown value crash the message.
  return (STAGE_NAMES as Record<string, string | undefined>)[stage] ?? `"${stage}"`;
}

const contributionsGuard: Guard = (facts) => {
  const invited = unique(facts.invitedAgencyIds);
  if (invited.length === 0) {
    return {
      code: 'CONTRIBUTIONS_MISSING',
      message: 'No agency has been invited to this case yet, so there is nothing to weigh. ' + 'Invite at least one agency and collect its contribution first.',
    };
  }
  const accountedFor = new Set([...facts.contributingAgencyIds, ...facts.waivedAgencyIds]);
  const missing = invited.filter((id) => !accountedFor.has(id));
  if (missing.length === 0) return null;
  const situation =
    invited.length === 1
      ? 'The one invited agency has not contributed yet.'
      : `${missing.length} of the ${invited.length} invited agencies ${missing.length === 1 ? 'has' : 'have'} not contributed yet.`;
  return {
    code: 'CONTRIBUTIONS_MISSING',
    message: `${situation} Wait for the missing contributions or record a waiver for each missing agency before weighing the case.`,
  };
};

const inclusionGuard: Guard = (facts) => {
  if (facts.latestDecision === 'INCLUDE') return null;
  const situation =
    facts.latestDecision === null
      ? 'No inclusion decision has been recorded yet.'
      : `The latest decision is "${DECISION_WORDS[facts.latestDecision]}", not "include the case".`;
  return {
    code: 'INCLUSION_DECISION_MISSING',
    message: `${situation} Record a decision to include the case before moving it to case direction.`,
  };
};

const exclusionGuard: Guard = (facts) => {
  if (facts.latestDecision === 'REFER_ELSEWHERE' || facts.latestDecision === 'NO_FURTHER_ACTION') return null;
  const situation = facts.latestDecision === null ? 'No decision has been recorded yet.' : 'The latest decision is to include the case.';
  return {
    code: 'EXCLUSION_DECISION_MISSING',
    message: `${situation} Record a decision to refer elsewhere or to take no further action before closing the case.`,
  };
};

const ownedActionGuard: Guard = (facts) => {
  const live = facts.actions.filter((a) => a.status !== 'CANCELLED');
  if (live.some((a) => Boolean(a.ownerAgencyId) && Boolean(a.dueDate))) return null;
  const situation =
    live.length === 0
      ? 'The action plan has no actions yet.'
      : `None of the ${live.length === 1 ? 'action' : `${live.length} actions`} in the plan has both an owning agency and a due date.`;
  return {
    code: 'OWNED_ACTION_MISSING',
    message: `${situation} Agree at least one action with an owning agency and a due date before execution starts.`,
  };
};

const actionDoneOrDueGuard: Guard = (facts) => {
  if (facts.actions.some((a) => a.status === 'DONE')) return null;
  // An action due today counts as due: the evaluation may be held on the deadline itself.
  const openDueDates = facts.actions
    .filter((a) => a.status === 'OPEN' && Boolean(a.dueDate))
    .map((a) => a.dueDate as string)
    .sort();
  const earliest = openDueDates[0];
  if (earliest !== undefined && earliest <= facts.today) return null;
  const situation =
    earliest === undefined
      ? 'No action has been completed, and no open action has a due date.'
      : `No action has been completed and none is due yet (the earliest due date is ${earliest}).`;
  return {
    code: 'NO_ACTION_DONE_OR_DUE',
    message: `${situation} Evaluate once at least one action is done or has reached its due date.`,
  };
};

const continuingEvaluationGuard: Guard = (facts) => {
  if (facts.latestEvaluation === 'CONTINUE' || facts.latestEvaluation === 'ESCALATE') return null;
  const situation =
    facts.latestEvaluation === null
      ? 'No evaluation has been recorded yet.'
      : 'The latest evaluation concluded that the case should close; close it instead, or record a new evaluation.';
  // The guard vocabulary in api.md has no dedicated code for this; ILLEGAL_STEP is the agreed fallback.
  return {
    code: 'ILLEGAL_STEP',
    message:
      `Going back from ${STAGE_NAMES.EVALUATIE} to ${STAGE_NAMES.CASUSREGIE} needs an evaluation with the outcome ` + `"continue" or "escalate". ${situation}`,
  };
};

const closingEvaluationGuard: Guard = (facts) => {
  if (facts.latestEvaluation === 'CLOSE') return null;
  const situation =
    facts.latestEvaluation === null
      ? 'No evaluation has been recorded yet.'
      : `The latest evaluation's outcome is "${OUTCOME_WORDS[facts.latestEvaluation]}", not "close".`;
  return {
    code: 'CLOSING_EVALUATION_MISSING',
    message: `${situation} Record an evaluation with the outcome "close" before closing the case.`,
  };
};

// The whole legal graph. Anything not listed here is refused with ILLEGAL_STEP, including
// staying in the same stage and every step out of AFGESLOTEN (a closed case is never reopened;
// a new referral starts a new case).
const EDGES: Record<Stage, readonly Edge[]> = {
  AANMELDING: [{ to: 'DOSSIERVORMING' }, { to: 'AFGESLOTEN', closureReason: 'DECLINED' }],
  DOSSIERVORMING: [{ to: 'WEGING', guard: contributionsGuard }],
  WEGING: [
    { to: 'CASUSREGIE', guard: inclusionGuard },
    { to: 'AFGESLOTEN', closureReason: 'NOT_INCLUDED', guard: exclusionGuard },
  ],
  CASUSREGIE: [{ to: 'UITVOERING', guard: ownedActionGuard }],
  UITVOERING: [{ to: 'EVALUATIE', guard: actionDoneOrDueGuard }],
  EVALUATIE: [
    { to: 'CASUSREGIE', guard: continuingEvaluationGuard },
    { to: 'AFGESLOTEN', closureReason: 'COMPLETED', guard: closingEvaluationGuard },
  ],
  AFGESLOTEN: [],
};

/** The stages a case in `stage` may move to, guards aside. */
export function nextStages(stage: Stage): Stage[] {
  return (EDGES[stage] ?? []).map((edge) => edge.to);
}

export function checkTransition(facts: ChainFacts, to: Stage): TransitionVerdict {
  const edge = (EDGES[facts.stage] ?? []).find((e) => e.to === to);
  if (!edge) {
    return { allowed: false, unmetGuards: [{ code: 'ILLEGAL_STEP', message: illegalStepMessage(facts.stage, to) }] };
  }
  const unmet = edge.guard?.(facts);
  const unmetGuards = unmet ? [unmet] : [];
  const verdict: TransitionVerdict = { allowed: unmetGuards.length === 0, unmetGuards };
  if (edge.closureReason) verdict.closureReason = edge.closureReason;
  return verdict;
}

/**
 * Where an evaluation's outcome points the case. CLOSE gives null on purpose: closing is never a
 * side effect of recording an evaluation, the case director closes with an explicit transition.
 */
export function stageAfterEvaluation(outcome: EvaluationOutcome): Stage | null {
  return outcome === 'CLOSE' ? null : 'CASUSREGIE';
}

function illegalStepMessage(from: Stage, to: Stage): string {
  const move = `A case cannot move from ${describeStage(from)} to ${describeStage(to)}`;
  if (from === to) return `${move}: it is already there.`;
  const options = nextStages(from);
  if (from === 'AFGESLOTEN') return `${move}: a closed case cannot be reopened.`;
  if (options.length === 0) return `${move}.`;
  return `${move}. From ${describeStage(from)} it can only move to ${options.map(describeStage).join(' or ')}.`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
