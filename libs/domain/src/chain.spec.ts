import { checkTransition, nextStages, stageAfterEvaluation, type ChainFacts, type GuardCode } from './chain';
import {
  DECISION_TYPES,
  EVALUATION_OUTCOMES,
  STAGES,
  type ActionStatus,
  type ClosureReason,
  type DecisionType,
  type EvaluationOutcome,
  type Stage,
} from './enums';

const TODAY = '2026-05-15';

type Action = ChainFacts['actions'][number];

function facts(overrides: Partial<ChainFacts> = {}): ChainFacts {
  return {
    stage: 'AANMELDING',
    invitedAgencyIds: ['police', 'caw'],
    contributingAgencyIds: ['police', 'caw'],
    waivedAgencyIds: [],
    latestDecision: 'INCLUDE',
    actions: [{ ownerAgencyId: 'caw', dueDate: '2026-05-01', status: 'OPEN' }],
    latestEvaluation: 'CONTINUE',
    today: TODAY,
    ...overrides,
  };
}

// The whole legal graph, with facts that satisfy each step's guard and the guard that blocks it otherwise.
const LEGAL_STEPS: {
  from: Stage;
  to: Stage;
  closureReason?: ClosureReason;
  satisfied: Partial<ChainFacts>;
  blocked?: { facts: Partial<ChainFacts>; code: GuardCode };
}[] = [
  { from: 'AANMELDING', to: 'DOSSIERVORMING', satisfied: {} },
  { from: 'AANMELDING', to: 'AFGESLOTEN', closureReason: 'DECLINED', satisfied: {} },
  {
    from: 'DOSSIERVORMING',
    to: 'WEGING',
    satisfied: {},
    blocked: { facts: { contributingAgencyIds: ['police'] }, code: 'CONTRIBUTIONS_MISSING' },
  },
  {
    from: 'WEGING',
    to: 'CASUSREGIE',
    satisfied: { latestDecision: 'INCLUDE' },
    blocked: { facts: { latestDecision: null }, code: 'INCLUSION_DECISION_MISSING' },
  },
  {
    from: 'WEGING',
    to: 'AFGESLOTEN',
    closureReason: 'NOT_INCLUDED',
    satisfied: { latestDecision: 'REFER_ELSEWHERE' },
    blocked: { facts: { latestDecision: 'INCLUDE' }, code: 'EXCLUSION_DECISION_MISSING' },
  },
  {
    from: 'CASUSREGIE',
    to: 'UITVOERING',
    satisfied: {},
    blocked: { facts: { actions: [] }, code: 'OWNED_ACTION_MISSING' },
  },
  {
    from: 'UITVOERING',
    to: 'EVALUATIE',
    satisfied: {},
    blocked: {
      facts: { actions: [{ ownerAgencyId: 'caw', dueDate: '2026-06-01', status: 'OPEN' }] },
      code: 'NO_ACTION_DONE_OR_DUE',
    },
  },
  {
    from: 'EVALUATIE',
    to: 'CASUSREGIE',
    satisfied: { latestEvaluation: 'CONTINUE' },
    blocked: { facts: { latestEvaluation: null }, code: 'ILLEGAL_STEP' },
  },
  {
    from: 'EVALUATIE',
    to: 'AFGESLOTEN',
    closureReason: 'COMPLETED',
    satisfied: { latestEvaluation: 'CLOSE' },
    blocked: { facts: { latestEvaluation: 'ESCALATE' }, code: 'CLOSING_EVALUATION_MISSING' },
  },
];

const STAGE_WORD: Record<Stage, string> = {
  AANMELDING: 'Aanmelding',
  DOSSIERVORMING: 'Dossiervorming',
  WEGING: 'Weging',
  CASUSREGIE: 'Casusregie',
  UITVOERING: 'Uitvoering',
  EVALUATIE: 'Evaluatie',
  AFGESLOTEN: 'Afgesloten',
};

const ALL_PAIRS = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as const));
const legalStep = (from: Stage, to: Stage) => LEGAL_STEPS.find((s) => s.from === from && s.to === to);

describe('nextStages', () => {
  it.each(STAGES)('lists exactly the legal steps out of %s', (from) => {
    expect(nextStages(from)).toEqual(LEGAL_STEPS.filter((s) => s.from === from).map((s) => s.to));
  });

  it('gives a copy, so callers cannot alter the graph', () => {
    nextStages('AANMELDING').push('UITVOERING');
    expect(nextStages('AANMELDING')).toEqual(['DOSSIERVORMING', 'AFGESLOTEN']);
  });
});

describe('checkTransition over every stage pair', () => {
  it.each(ALL_PAIRS)('%s → %s', (from, to) => {
    const step = legalStep(from, to);
    if (step) {
      const verdict = checkTransition(facts({ ...step.satisfied, stage: from }), to);
      expect(verdict).toEqual({
        allowed: true,
        unmetGuards: [],
        ...(step.closureReason ? { closureReason: step.closureReason } : {}),
      });
    } else {
      // Facts that satisfy every guard: only the graph can refuse the step.
      const verdict = checkTransition(facts({ stage: from, latestDecision: 'INCLUDE', latestEvaluation: 'CLOSE' }), to);
      expect(verdict.allowed).toBe(false);
      expect(verdict.closureReason).toBeUndefined();
      expect(verdict.unmetGuards).toHaveLength(1);
      expect(verdict.unmetGuards[0]?.code).toBe('ILLEGAL_STEP');
      expect(verdict.unmetGuards[0]?.message).toContain(STAGE_WORD[from]);
      expect(verdict.unmetGuards[0]?.message).toContain(STAGE_WORD[to]);
    }
  });

  it('counts 9 legal steps among the 49 pairs', () => {
    expect(ALL_PAIRS.filter(([from, to]) => nextStages(from).includes(to))).toHaveLength(9);
  });
});

describe('guarded steps', () => {
  const guarded = LEGAL_STEPS.filter((s) => s.blocked);

  it.each(guarded.map((s) => [s.from, s.to, s] as const))('%s → %s is refused when its guard is unmet', (from, to, step) => {
    const verdict = checkTransition(facts({ ...step.blocked!.facts, stage: from }), to);
    expect(verdict.allowed).toBe(false);
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual([step.blocked!.code]);
    expect(verdict.unmetGuards[0]?.message.length).toBeGreaterThan(20);
    // The closure reason describes the step itself, so the UI can show it while the guard is unmet.
    expect(verdict.closureReason).toBe(step.closureReason);
  });

  it.each(LEGAL_STEPS.filter((s) => !s.blocked).map((s) => [s.from, s.to] as const))('%s → %s has no guard, whatever the facts', (from, to) => {
    const empty = facts({
      stage: from,
      invitedAgencyIds: [],
      contributingAgencyIds: [],
      latestDecision: null,
      actions: [],
      latestEvaluation: null,
    });
    expect(checkTransition(empty, to).allowed).toBe(true);
  });
});

describe('CONTRIBUTIONS_MISSING (DOSSIERVORMING → WEGING)', () => {
  const weigh = (overrides: Partial<ChainFacts>) => checkTransition(facts({ stage: 'DOSSIERVORMING', ...overrides }), 'WEGING');

  it.each([
    ['every invited agency contributed', ['a', 'b'], ['a', 'b'], [], true],
    ['one contributed, the other was waived', ['a', 'b'], ['a'], ['b'], true],
    ['every invited agency was waived', ['a', 'b'], [], ['a', 'b'], true],
    ['a duplicate invitation counts once', ['a', 'a'], ['a'], [], true],
    ['one of two is missing', ['a', 'b'], ['a'], [], false],
    ['nobody contributed', ['a', 'b', 'c'], [], [], false],
    ['a contribution from an agency that was not invited does not count', ['a', 'b'], ['a', 'x'], [], false],
    ['no agency invited: nothing to weigh', [], [], [], false],
    ['no agency invited, even with stray contributions', [], ['x'], ['y'], false],
  ])('%s', (_name, invited, contributing, waived, allowed) => {
    const verdict = weigh({ invitedAgencyIds: invited, contributingAgencyIds: contributing, waivedAgencyIds: waived });
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(allowed ? [] : ['CONTRIBUTIONS_MISSING']);
  });

  it('names how many of the invited agencies have not contributed', () => {
    const verdict = weigh({ invitedAgencyIds: ['a', 'b', 'c'], contributingAgencyIds: ['a'], waivedAgencyIds: [] });
    expect(verdict.unmetGuards[0]?.message).toMatch(/^2 of the 3 invited agencies have not contributed yet\./);
  });

  it('uses the singular for one missing agency', () => {
    const verdict = weigh({ invitedAgencyIds: ['a', 'b', 'c'], contributingAgencyIds: ['a', 'b'], waivedAgencyIds: [] });
    expect(verdict.unmetGuards[0]?.message).toMatch(/^1 of the 3 invited agencies has not contributed yet\./);
  });

  it('speaks of the one invited agency when only one was invited', () => {
    const verdict = weigh({ invitedAgencyIds: ['a'], contributingAgencyIds: [], waivedAgencyIds: [] });
    expect(verdict.unmetGuards[0]?.message).toMatch(/^The one invited agency has not contributed yet\./);
  });

  it('explains that there is nothing to weigh without invited agencies', () => {
    const verdict = weigh({ invitedAgencyIds: [], contributingAgencyIds: [], waivedAgencyIds: [] });
    expect(verdict.unmetGuards[0]?.message).toContain('nothing to weigh');
  });
});

describe('decision guards (out of WEGING)', () => {
  const decisions: (DecisionType | null)[] = [...DECISION_TYPES, null];

  it.each(decisions)('latest decision %s → CASUSREGIE', (latestDecision) => {
    const verdict = checkTransition(facts({ stage: 'WEGING', latestDecision }), 'CASUSREGIE');
    expect(verdict.allowed).toBe(latestDecision === 'INCLUDE');
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(latestDecision === 'INCLUDE' ? [] : ['INCLUSION_DECISION_MISSING']);
  });

  it.each(decisions)('latest decision %s → AFGESLOTEN', (latestDecision) => {
    const closes = latestDecision === 'REFER_ELSEWHERE' || latestDecision === 'NO_FURTHER_ACTION';
    const verdict = checkTransition(facts({ stage: 'WEGING', latestDecision }), 'AFGESLOTEN');
    expect(verdict.allowed).toBe(closes);
    expect(verdict.closureReason).toBe('NOT_INCLUDED');
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(closes ? [] : ['EXCLUSION_DECISION_MISSING']);
  });

  it('tells the director what the latest decision was when it is the wrong one', () => {
    const verdict = checkTransition(facts({ stage: 'WEGING', latestDecision: 'NO_FURTHER_ACTION' }), 'CASUSREGIE');
    expect(verdict.unmetGuards[0]?.message).toContain('no further action');
  });

  it('says no decision was recorded when there is none', () => {
    const verdict = checkTransition(facts({ stage: 'WEGING', latestDecision: null }), 'AFGESLOTEN');
    expect(verdict.unmetGuards[0]?.message).toContain('No decision has been recorded yet');
  });
});

describe('OWNED_ACTION_MISSING (CASUSREGIE → UITVOERING)', () => {
  const a = (ownerAgencyId: string | null, dueDate: string | null, status: ActionStatus): Action => ({ ownerAgencyId, dueDate, status });

  it.each<[string, Action[], boolean]>([
    ['an open action with owner and due date', [a('caw', '2026-06-01', 'OPEN')], true],
    ['a done action with owner and due date', [a('caw', '2026-06-01', 'DONE')], true],
    ['one complete action among incomplete ones', [a(null, null, 'OPEN'), a('caw', '2026-06-01', 'OPEN')], true],
    ['no actions at all', [], false],
    ['only a cancelled action', [a('caw', '2026-06-01', 'CANCELLED')], false],
    ['an action without owner', [a(null, '2026-06-01', 'OPEN')], false],
    ['an action without due date', [a('caw', null, 'OPEN')], false],
    ['an action with an empty owner', [a('', '2026-06-01', 'OPEN')], false],
    ['an action with an empty due date', [a('caw', '', 'OPEN')], false],
    ['owner on one action, due date on another', [a('caw', null, 'OPEN'), a(null, '2026-06-01', 'OPEN')], false],
  ])('%s', (_name, actions, allowed) => {
    const verdict = checkTransition(facts({ stage: 'CASUSREGIE', actions }), 'UITVOERING');
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(allowed ? [] : ['OWNED_ACTION_MISSING']);
  });

  it('says the plan is empty when it is', () => {
    const verdict = checkTransition(facts({ stage: 'CASUSREGIE', actions: [] }), 'UITVOERING');
    expect(verdict.unmetGuards[0]?.message).toContain('no actions yet');
  });

  it('counts the actions that lack an owner or a due date', () => {
    const actions = [a(null, null, 'OPEN'), a('caw', null, 'OPEN'), a('caw', '2026-06-01', 'CANCELLED')];
    const verdict = checkTransition(facts({ stage: 'CASUSREGIE', actions }), 'UITVOERING');
    expect(verdict.unmetGuards[0]?.message).toContain('None of the 2 actions');
  });
});

describe('NO_ACTION_DONE_OR_DUE (UITVOERING → EVALUATIE)', () => {
  const a = (dueDate: string | null, status: ActionStatus): Action => ({ ownerAgencyId: 'caw', dueDate, status });

  it.each<[string, Action[], boolean]>([
    ['an action is done (due later)', [a('2026-12-01', 'DONE')], true],
    ['an action is done (no due date)', [a(null, 'DONE')], true],
    ['an open action was due yesterday', [a('2026-05-14', 'OPEN')], true],
    ['an open action is due today', [a(TODAY, 'OPEN')], true],
    ['one of several open actions is due', [a('2026-07-01', 'OPEN'), a('2026-05-01', 'OPEN')], true],
    ['the only open action is due tomorrow', [a('2026-05-16', 'OPEN')], false],
    ['a cancelled action was due long ago', [a('2026-01-01', 'CANCELLED')], false],
    ['the open action has no due date', [a(null, 'OPEN')], false],
    ['there are no actions', [], false],
  ])('%s', (_name, actions, allowed) => {
    const verdict = checkTransition(facts({ stage: 'UITVOERING', actions }), 'EVALUATIE');
    expect(verdict.allowed).toBe(allowed);
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(allowed ? [] : ['NO_ACTION_DONE_OR_DUE']);
  });

  it('names the earliest due date still ahead', () => {
    const verdict = checkTransition(facts({ stage: 'UITVOERING', actions: [a('2026-08-01', 'OPEN'), a('2026-06-10', 'OPEN')] }), 'EVALUATIE');
    expect(verdict.unmetGuards[0]?.message).toContain('2026-06-10');
  });
});

describe('evaluation guards (out of EVALUATIE)', () => {
  const outcomes: (EvaluationOutcome | null)[] = [...EVALUATION_OUTCOMES, null];

  it.each(outcomes)('latest evaluation %s → CASUSREGIE', (latestEvaluation) => {
    const back = latestEvaluation === 'CONTINUE' || latestEvaluation === 'ESCALATE';
    const verdict = checkTransition(facts({ stage: 'EVALUATIE', latestEvaluation }), 'CASUSREGIE');
    expect(verdict.allowed).toBe(back);
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(back ? [] : ['ILLEGAL_STEP']);
    expect(verdict.closureReason).toBeUndefined();
  });

  it.each(outcomes)('latest evaluation %s → AFGESLOTEN', (latestEvaluation) => {
    const closes = latestEvaluation === 'CLOSE';
    const verdict = checkTransition(facts({ stage: 'EVALUATIE', latestEvaluation }), 'AFGESLOTEN');
    expect(verdict.allowed).toBe(closes);
    expect(verdict.closureReason).toBe('COMPLETED');
    expect(verdict.unmetGuards.map((g) => g.code)).toEqual(closes ? [] : ['CLOSING_EVALUATION_MISSING']);
  });

  it('explains which outcome is needed to go back to case direction', () => {
    const verdict = checkTransition(facts({ stage: 'EVALUATIE', latestEvaluation: 'CLOSE' }), 'CASUSREGIE');
    expect(verdict.unmetGuards[0]?.message).toContain('"continue" or "escalate"');
  });
});

describe('ILLEGAL_STEP messages', () => {
  it.each(STAGES)('staying in %s is refused as already there', (stage) => {
    const verdict = checkTransition(facts({ stage }), stage);
    expect(verdict.unmetGuards[0]?.message).toContain('already there');
  });

  it('explains that a closed case is never reopened', () => {
    const verdict = checkTransition(facts({ stage: 'AFGESLOTEN' }), 'CASUSREGIE');
    expect(verdict.unmetGuards[0]?.message).toContain('cannot be reopened');
  });

  it('lists where the case can go instead', () => {
    const verdict = checkTransition(facts({ stage: 'AANMELDING' }), 'WEGING');
    expect(verdict.unmetGuards[0]?.message).toContain('Dossiervorming (file building) or Afgesloten (closed)');
  });

  it('refuses an unknown target stage from an untrusted body without throwing', () => {
    const verdict = checkTransition(facts({ stage: 'WEGING' }), 'REOPENED' as Stage);
    expect(verdict).toEqual({ allowed: false, unmetGuards: [{ code: 'ILLEGAL_STEP', message: expect.stringContaining('"REOPENED"') }] });
  });
});

describe('purity', () => {
  it('does not modify the facts it is given', () => {
    const input = facts({ stage: 'UITVOERING' });
    const snapshot = JSON.parse(JSON.stringify(input));
    for (const to of STAGES) checkTransition(input, to);
    expect(input).toEqual(snapshot);
  });
});

describe('stageAfterEvaluation', () => {
  it.each<[EvaluationOutcome, Stage | null]>([
    ['CONTINUE', 'CASUSREGIE'],
    ['ESCALATE', 'CASUSREGIE'],
    ['CLOSE', null],
  ])('%s → %s', (outcome, stage) => {
    expect(stageAfterEvaluation(outcome)).toBe(stage);
  });

  it.each(EVALUATION_OUTCOMES)('%s points at a stage reachable from EVALUATIE, or at none when closing', (outcome) => {
    const stage = stageAfterEvaluation(outcome);
    if (stage === null) expect(outcome).toBe('CLOSE');
    else expect(nextStages('EVALUATIE')).toContain(stage);
  });
});
