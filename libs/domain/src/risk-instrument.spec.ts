import {
  MAX_ANSWER_NOTE_LENGTH,
  RISK_ANSWER_SOURCES,
  RISK_ANSWER_VALUES,
  RISK_LEVELS,
  RISK_PROMPT_CODES,
  RISK_PROMPT_LABELS,
  checkAssessedLevel,
  compareRiskLevels,
  deriveIndicators,
  derivePrompts,
  instrumentItemKeys,
  normaliseAnswers,
  parseAnswerKey,
  perChildKey,
  scoreAnswers,
  suggestedLevel,
  validateAnswers,
  validateInstrument,
  type RiskAnswers,
  type RiskInstrument,
} from './risk-instrument';
import { RISK_INSTRUMENTS, VEILIG_HUIS_IFG_V1, findRiskInstrument } from './risk-instruments';
import { PROTECTIVE_FACTOR_CODES, RED_FLAG_CODES } from './risk-items';

const VH = VEILIG_HUIS_IFG_V1;
const CHILD_A = '11111111-1111-4111-8111-111111111111';
const CHILD_B = '22222222-2222-4222-8222-222222222222';
const yes = { value: 'yes' } as const;
const no = { value: 'no' } as const;
const label = (en: string) => ({ nl: en, fr: en, en });

/** A fake instrument with validated scoring, to exercise the generic weighted sum. */
const SCORED: RiskInstrument = {
  key: 'fake-scored',
  version: 2,
  title: label('Fake scored instrument'),
  source: 'unit test',
  disclaimer: label('not real'),
  answerValues: ['yes', 'no', 'unknown'],
  answerSources: ['VICTIM', 'POLICE_RECORD'],
  sections: [
    {
      key: 'S1',
      kind: 'RED_FLAGS',
      title: label('flags'),
      perChild: false,
      items: [
        { key: 'A', label: label('a') },
        { key: 'B', label: label('b') },
        { key: 'C', label: label('c'), promptsWhenYes: ['MEDICAL_CHECK_ADVISED'] },
      ],
    },
    { key: 'S2', kind: 'PROTECTIVE_FACTORS', title: label('protective'), perChild: false, items: [{ key: 'P', label: label('p') }] },
    {
      key: 'S3',
      kind: 'KINDREFLEX',
      title: label('per child'),
      perChild: true,
      items: [{ key: 'KX', label: label('kx'), promptsWhenYes: ['KINDREFLEX_REQUIRED'] }],
    },
  ],
  violencePatterns: [],
  scoring: {
    method: 'WEIGHTED_SUM',
    reference: 'fake validation study',
    weights: { A: 3, B: 2, C: 5, P: -2 },
    thresholds: [
      { level: 'LOW', minScore: 0 },
      { level: 'MEDIUM', minScore: 3 },
      { level: 'HIGH', minScore: 6 },
      { level: 'VERY_HIGH', minScore: 9 },
    ],
  },
};

const withScoring = (scoring: RiskInstrument['scoring']): RiskInstrument => ({ ...SCORED, scoring });

describe('enumerations', () => {
  it('orders the risk levels from low to very high', () => {
    expect(RISK_LEVELS).toEqual(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']);
  });

  it('answers yes, no, unknown or not applicable', () => {
    expect(RISK_ANSWER_VALUES).toEqual(['yes', 'no', 'unknown', 'n/a']);
  });

  it('labels every prompt in Dutch, French and English', () => {
    for (const code of RISK_PROMPT_CODES) expect(Object.keys(RISK_PROMPT_LABELS[code]).sort()).toEqual(['en', 'fr', 'nl']);
  });

  it.each<[string, string, number]>([
    ['LOW', 'HIGH', -1],
    ['HIGH', 'HIGH', 0],
    ['VERY_HIGH', 'MEDIUM', 1],
  ])('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(compareRiskLevels(a as never, b as never))).toBe(sign);
  });
});

describe('answer keys', () => {
  it('builds and parses per-child keys', () => {
    expect(perChildKey('K1', CHILD_A)).toBe(`K1:${CHILD_A}`);
    expect(parseAnswerKey(`K1:${CHILD_A}`)).toEqual({ itemKey: 'K1', childId: CHILD_A });
    expect(parseAnswerKey('RF01')).toEqual({ itemKey: 'RF01', childId: null });
  });
});

describe('the built-in instrument veilig-huis-ifg version 1', () => {
  it('is the only built-in instrument and is found by key and version', () => {
    expect(RISK_INSTRUMENTS.map((i) => `${i.key}@${i.version}`)).toEqual(['veilig-huis-ifg@1']);
    expect(findRiskInstrument('veilig-huis-ifg', 1)).toBe(VH);
    expect(findRiskInstrument('veilig-huis-ifg', 2)).toBeNull();
    expect(findRiskInstrument('col-15-2020', 1)).toBeNull();
  });

  it('is a sound definition', () => {
    expect(validateInstrument(VH)).toEqual([]);
  });

  it('has no scoring: training heuristics are never turned into a score', () => {
    expect(VH.scoring).toBeNull();
  });

  it('says it is not the COL 15/2020 checklist', () => {
    expect(VH.source).toContain('not COL 15/2020');
    expect(VH.disclaimer.en).toMatch(/not a validated instrument/);
  });

  it('lists the red flags RF01–RF14, the protective factors PF01–PF11 and the six Kindreflex steps per child', () => {
    expect(VH.sections.map((s) => [s.key, s.kind, s.perChild])).toEqual([
      ['RED_FLAGS', 'RED_FLAGS', false],
      ['PROTECTIVE_FACTORS', 'PROTECTIVE_FACTORS', false],
      ['KINDREFLEX', 'KINDREFLEX', true],
    ]);
    expect(VH.sections[0]!.items.map((i) => i.key)).toEqual([...RED_FLAG_CODES]);
    expect(VH.sections[1]!.items.map((i) => i.key)).toEqual([...PROTECTIVE_FACTOR_CODES]);
    expect(VH.sections[2]!.items.map((i) => i.key)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5', 'K6']);
    expect(instrumentItemKeys(VH)).toHaveLength(14 + 11 + 6);
  });

  it('labels every item and section in Dutch, French and English', () => {
    for (const section of VH.sections) {
      expect(Object.keys(section.title).sort()).toEqual(['en', 'fr', 'nl']);
      for (const item of section.items) for (const text of Object.values(item.label)) expect(text.trim().length).toBeGreaterThan(3);
    }
  });

  it('takes the Kindreflex wording from domain.md §6.3', () => {
    expect(VH.sections[2]!.items[0]!.label.nl).toBe('Voer een gesprek over de kinderen en het ouderschap');
    expect(VH.sections[2]!.items[4]!.label.en).toBe('Restore safety');
  });

  it('offers situational violence, intimate terrorism and unclear as violence patterns', () => {
    expect(VH.violencePatterns.map((p) => p.value)).toEqual(['SITUATIONAL', 'INTIMATE_TERRORISM', 'UNCLEAR']);
  });

  it('answers with the four values and the sources of domain.md §6', () => {
    expect(VH.answerValues).toEqual(['yes', 'no', 'unknown', 'n/a']);
    expect(VH.answerSources).toEqual([...RISK_ANSWER_SOURCES]);
  });

  it('is frozen: a published version cannot change under running code', () => {
    expect(Object.isFrozen(VH)).toBe(true);
    expect(Object.isFrozen(VH.sections[0]!.items[0])).toBe(true);
    expect(() => {
      (VH.sections as unknown as unknown[]).push({});
    }).toThrow();
  });
});

describe('validateAnswers', () => {
  const ctx = { childIds: [CHILD_A, CHILD_B] };

  it('accepts valid answers, including per-child Kindreflex answers, sources and notes', () => {
    expect(
      validateAnswers(
        VH,
        {
          RF01: yes,
          RF08: { value: 'yes', source: 'VICTIM', note: 'choked last night' },
          RF13: { value: 'n/a' },
          PF01: { value: 'unknown', source: 'PROFESSIONAL_OBSERVATION' },
          [perChildKey('K1', CHILD_A)]: yes,
          [perChildKey('K2', CHILD_B)]: no,
        },
        ctx,
      ),
    ).toEqual([]);
  });

  it('accepts no answers at all (unanswered items stay open)', () => {
    expect(validateAnswers(VH, {})).toEqual([]);
  });

  it.each([null, [], 'yes', 3, undefined])('refuses %p as the answers object', (answers) => {
    expect(validateAnswers(VH, answers)).toEqual([expect.objectContaining({ code: 'NOT_AN_OBJECT', path: '' })]);
  });

  it('names unknown item keys', () => {
    const problems = validateAnswers(VH, { RF99: yes, RF01: yes, rf02: yes });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['UNKNOWN_ITEM', 'RF99'],
      ['UNKNOWN_ITEM', 'rf02'],
    ]);
    expect(problems[0]!.message).toContain('RF99');
  });

  it('refuses inherited property names as item keys', () => {
    const answers = JSON.parse('{"constructor": {"value":"yes"}, "__proto__": {"value":"yes"}, "toString": {"value":"yes"}}');
    expect(validateAnswers(VH, answers).map((p) => p.code)).toEqual(expect.arrayContaining(['UNKNOWN_ITEM']));
    expect(validateAnswers(VH, { constructor: yes, toString: yes }).map((p) => p.path)).toEqual(['constructor', 'toString']);
  });

  it('requires a child for a per-child item, and a child of this case', () => {
    const problems = validateAnswers(VH, { K1: yes, [perChildKey('K2', 'someone-else')]: yes, [perChildKey('K3', CHILD_A)]: yes }, ctx);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['CHILD_REQUIRED', 'K1'],
      ['UNKNOWN_CHILD', 'K2:someone-else'],
    ]);
  });

  it('refuses every per-child answer when the case has no children', () => {
    expect(validateAnswers(VH, { [perChildKey('K1', CHILD_A)]: yes }, { childIds: [] }).map((p) => p.code)).toEqual(['UNKNOWN_CHILD']);
  });

  it('without a list of children, only asks for a non-empty child id', () => {
    expect(validateAnswers(VH, { [perChildKey('K1', CHILD_A)]: yes })).toEqual([]);
    expect(validateAnswers(VH, { 'K1: ': yes }).map((p) => p.code)).toEqual(['UNKNOWN_CHILD']);
  });

  it('refuses a child suffix on an item that is not answered per child', () => {
    expect(validateAnswers(VH, { [perChildKey('RF01', CHILD_A)]: yes }, ctx).map((p) => [p.code, p.path])).toEqual([['UNKNOWN_ITEM', `RF01:${CHILD_A}`]]);
  });

  it.each([
    ['a bare value', 'yes'],
    ['null', null],
    ['an array', ['yes']],
  ])('refuses %s as an answer', (_name, answer) => {
    expect(validateAnswers(VH, { RF01: answer }).map((p) => [p.code, p.path])).toEqual([['INVALID_ANSWER', 'RF01']]);
  });

  it.each(['YES', 'maybe', '', 1, true, null])('refuses the value %p', (value) => {
    expect(validateAnswers(VH, { RF01: { value } }).map((p) => [p.code, p.path])).toEqual([['INVALID_VALUE', 'RF01.value']]);
  });

  it('requires a value', () => {
    expect(validateAnswers(VH, { RF01: { note: 'only a note' } }).map((p) => p.code)).toEqual(['INVALID_VALUE']);
  });

  it.each(RISK_ANSWER_VALUES)('accepts the value %s', (value) => {
    expect(validateAnswers(VH, { RF01: { value } })).toEqual([]);
  });

  it('only accepts the values the instrument defines', () => {
    expect(validateAnswers(SCORED, { A: { value: 'n/a' } }).map((p) => p.code)).toEqual(['INVALID_VALUE']);
  });

  it('refuses an unknown source, and a source the instrument does not offer', () => {
    expect(validateAnswers(VH, { RF01: { value: 'yes', source: 'neighbour' } }).map((p) => [p.code, p.path])).toEqual([['INVALID_SOURCE', 'RF01.source']]);
    expect(validateAnswers(SCORED, { A: { value: 'yes', source: 'PERPETRATOR' } }).map((p) => p.code)).toEqual(['INVALID_SOURCE']);
  });

  it('refuses a note that is not text or too long', () => {
    expect(validateAnswers(VH, { RF01: { value: 'yes', note: 42 } }).map((p) => p.path)).toEqual(['RF01.note']);
    expect(validateAnswers(VH, { RF01: { value: 'yes', note: 'x'.repeat(MAX_ANSWER_NOTE_LENGTH + 1) } }).map((p) => p.code)).toEqual(['INVALID_NOTE']);
    expect(validateAnswers(VH, { RF01: { value: 'yes', note: 'x'.repeat(MAX_ANSWER_NOTE_LENGTH) } })).toEqual([]);
  });

  it('refuses unknown fields inside an answer', () => {
    expect(validateAnswers(VH, { RF01: { value: 'yes', score: 3 } }).map((p) => [p.code, p.path])).toEqual([['UNKNOWN_FIELD', 'RF01.score']]);
  });

  it('lists every problem at once', () => {
    const problems = validateAnswers(VH, { RF99: yes, RF01: { value: 'maybe', source: 'x', note: 1, extra: true } });
    expect(problems.map((p) => p.path)).toEqual(['RF99', 'RF01.extra', 'RF01.value', 'RF01.source', 'RF01.note']);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });
});

describe('normaliseAnswers', () => {
  it('orders answers as the instrument does, per-child answers by child, and keeps only value, source and a trimmed note', () => {
    const answers = {
      [perChildKey('K1', CHILD_B)]: yes,
      PF02: { value: 'no', note: '   ' },
      [perChildKey('K1', CHILD_A)]: no,
      RF08: { value: 'yes', source: 'VICTIM', note: '  choked  ' },
      RF01: { value: 'unknown' },
    } as RiskAnswers;
    const out = normaliseAnswers(VH, answers);
    expect(Object.keys(out)).toEqual(['RF01', 'RF08', 'PF02', `K1:${CHILD_A}`, `K1:${CHILD_B}`]);
    expect(out['RF08']).toEqual({ value: 'yes', source: 'VICTIM', note: 'choked' });
    expect(out['PF02']).toEqual({ value: 'no' });
  });
});

describe('deriveIndicators', () => {
  it('lists the red flags and protective factors answered yes, in instrument order', () => {
    expect(deriveIndicators(VH, { RF13: yes, RF08: yes, RF01: no, RF02: { value: 'unknown' }, PF08: yes, PF01: yes, PF02: { value: 'n/a' } })).toEqual({
      redFlags: ['RF08', 'RF13'],
      protectiveFactors: ['PF01', 'PF08'],
    });
  });

  it('is empty without yes answers', () => {
    expect(deriveIndicators(VH, {})).toEqual({ redFlags: [], protectiveFactors: [] });
    expect(deriveIndicators(VH, { RF01: no, PF01: { value: 'unknown' } })).toEqual({ redFlags: [], protectiveFactors: [] });
  });

  it('ignores the Kindreflex steps (they are neither red flags nor protective factors)', () => {
    expect(deriveIndicators(VH, { [perChildKey('K1', CHILD_A)]: yes })).toEqual({ redFlags: [], protectiveFactors: [] });
  });

  it('works from the section kinds of any instrument', () => {
    expect(deriveIndicators(SCORED, { B: yes, A: yes, P: yes })).toEqual({ redFlags: ['A', 'B'], protectiveFactors: ['P'] });
  });
});

describe('derivePrompts', () => {
  const codes = (answers: RiskAnswers, hasChildren = false, violencePattern: never | null = null) =>
    derivePrompts(VH, answers, { hasChildren, violencePattern }).map((p) => p.code);

  it('raises nothing for a case without children and no alarming answers', () => {
    expect(derivePrompts(VH, { RF01: yes, PF01: yes }, { hasChildren: false })).toEqual([]);
  });

  it('requires the Kindreflex when children are present (RF13)', () => {
    expect(derivePrompts(VH, { RF13: yes }, { hasChildren: false })).toEqual([{ code: 'KINDREFLEX_REQUIRED', itemKeys: ['RF13'] }]);
  });

  it('requires the Kindreflex when the case lists a child, even without RF13', () => {
    expect(derivePrompts(VH, { RF13: no }, { hasChildren: true })).toEqual([{ code: 'KINDREFLEX_REQUIRED', itemKeys: [] }]);
  });

  it('raises the Kindreflex once when both apply', () => {
    expect(derivePrompts(VH, { RF13: yes }, { hasChildren: true })).toEqual([{ code: 'KINDREFLEX_REQUIRED', itemKeys: ['RF13'] }]);
  });

  it('advises a medical check-up after strangulation (RF08)', () => {
    expect(codes({ RF08: yes })).toEqual(['MEDICAL_CHECK_ADVISED']);
    expect(codes({ RF08: { value: 'unknown' } })).toEqual([]);
  });

  it('calls for honour-related-violence expertise (RF14)', () => {
    expect(derivePrompts(VH, { RF14: yes }, { hasChildren: false })).toEqual([{ code: 'HONOUR_RELATED_VIOLENCE_EXPERTISE', itemKeys: ['RF14'] }]);
  });

  it('warns against couple therapy and joint conversations, and to protect locations, under intimate terrorism', () => {
    expect(codes({}, false, 'INTIMATE_TERRORISM' as never)).toEqual(['COUPLE_THERAPY_CONTRAINDICATED', 'NO_JOINT_CONVERSATIONS', 'PROTECT_LOCATION_DATA']);
    expect(codes({}, false, 'SITUATIONAL' as never)).toEqual([]);
    expect(codes({}, false, 'UNCLEAR' as never)).toEqual([]);
  });

  it('lists prompts in their fixed order, whatever the answer order', () => {
    expect(codes({ RF14: yes, RF08: yes, RF13: yes }, true, 'INTIMATE_TERRORISM' as never)).toEqual([...RISK_PROMPT_CODES]);
  });

  it('raises prompts of per-child items answered yes for any child, naming the item once', () => {
    expect(derivePrompts(SCORED, { [perChildKey('KX', CHILD_A)]: yes, [perChildKey('KX', CHILD_B)]: yes }, { hasChildren: false })).toEqual([
      { code: 'KINDREFLEX_REQUIRED', itemKeys: ['KX'] },
    ]);
  });

  it('ignores a violence pattern the instrument does not offer', () => {
    expect(derivePrompts(SCORED, {}, { hasChildren: false, violencePattern: 'INTIMATE_TERRORISM' })).toEqual([]);
  });
});

describe('scoring', () => {
  it('gives no score and no suggested level for an instrument without validated scoring', () => {
    const all: RiskAnswers = Object.fromEntries(RED_FLAG_CODES.map((c) => [c, { value: 'yes' }]));
    expect(scoreAnswers(VH, all)).toEqual({ score: null, suggestedLevel: null });
    expect(suggestedLevel(VH, all)).toBeNull();
  });

  it.each<[string, RiskAnswers, number, string | null]>([
    ['nothing answered', {}, 0, 'LOW'],
    ['A', { A: yes }, 3, 'MEDIUM'],
    ['A and B', { A: yes, B: yes }, 5, 'MEDIUM'],
    ['A and C', { A: yes, C: yes }, 8, 'HIGH'],
    ['A, B and C', { A: yes, B: yes, C: yes }, 10, 'VERY_HIGH'],
    ['A, B, C with a protective factor', { A: yes, B: yes, C: yes, P: yes }, 8, 'HIGH'],
    ['only no and unknown', { A: no, B: { value: 'unknown' }, C: no }, 0, 'LOW'],
  ])('sums the weights of yes answers: %s', (_name, answers, score, level) => {
    expect(scoreAnswers(SCORED, answers)).toEqual({ score, suggestedLevel: level });
    expect(suggestedLevel(SCORED, answers)).toBe(level);
  });

  it('suggests no level under the first threshold', () => {
    const instrument = withScoring({ ...SCORED.scoring!, thresholds: [{ level: 'HIGH', minScore: 5 }] });
    expect(scoreAnswers(instrument, { A: yes })).toEqual({ score: 3, suggestedLevel: null });
    expect(scoreAnswers(instrument, { C: yes })).toEqual({ score: 5, suggestedLevel: 'HIGH' });
    expect(scoreAnswers(instrument, { P: yes })).toEqual({ score: -2, suggestedLevel: null });
  });

  it('does not count per-child answers or unknown keys', () => {
    expect(scoreAnswers(SCORED, { [perChildKey('KX', CHILD_A)]: yes, ZZ: yes } as RiskAnswers).score).toBe(0);
  });
});

describe('checkAssessedLevel: a level below the suggested one needs a rationale', () => {
  it.each<[string, string | null, string | undefined, string | null]>([
    ['HIGH', null, undefined, null],
    ['LOW', null, undefined, null],
    ['HIGH', 'HIGH', undefined, null],
    ['VERY_HIGH', 'HIGH', undefined, null],
    ['MEDIUM', 'HIGH', undefined, 'LEVEL_RATIONALE_REQUIRED'],
    ['LOW', 'VERY_HIGH', '', 'LEVEL_RATIONALE_REQUIRED'],
    ['MEDIUM', 'HIGH', '   too short ', 'LEVEL_RATIONALE_REQUIRED'],
    ['MEDIUM', 'HIGH', 'Perpetrator detained until the hearing; victim in a shelter.', null],
  ])('level %s, suggested %s, rationale %p → %p', (level, suggested, rationale, expected) => {
    expect(checkAssessedLevel(level as never, suggested as never, rationale)).toBe(expected);
  });

  it('never asks a rationale for an instrument without scoring', () => {
    const floor = suggestedLevel(VH, { RF08: yes, RF02: yes, RF03: yes });
    for (const level of RISK_LEVELS) expect(checkAssessedLevel(level, floor, undefined)).toBeNull();
  });

  it('works end to end with a scored instrument', () => {
    const floor = suggestedLevel(SCORED, { A: yes, C: yes });
    expect(floor).toBe('HIGH');
    expect(checkAssessedLevel('MEDIUM', floor, null)).toBe('LEVEL_RATIONALE_REQUIRED');
    expect(checkAssessedLevel('HIGH', floor, null)).toBeNull();
  });
});

describe('validateInstrument', () => {
  it('accepts the fake scored instrument', () => {
    expect(validateInstrument(SCORED)).toEqual([]);
  });

  it.each<[string, Partial<RiskInstrument>, RegExp]>([
    ['a key that is not kebab-case', { key: 'Veilig Huis' }, /kebab-case/],
    ['version 0', { version: 0 }, /positive integer/],
    ['a fractional version', { version: 1.5 }, /positive integer/],
    ['no answer values', { answerValues: [] }, /non-empty subset/],
    ['an unknown answer value', { answerValues: ['yes', 'maybe' as never] }, /non-empty subset/],
    ['answer values without yes', { answerValues: ['no', 'unknown'] }, /include yes/],
    ['an unknown source', { answerSources: ['NEIGHBOUR' as never] }, /answerSources/],
    ['a duplicate section', { sections: [SCORED.sections[0]!, { ...SCORED.sections[1]!, key: 'S1' }] }, /section S1 is defined twice/],
    ['an empty section', { sections: [...SCORED.sections, { key: 'S4', kind: 'OTHER', title: label('x'), perChild: false, items: [] }] }, /S4 has no items/],
    [
      'a duplicate item',
      { sections: [...SCORED.sections, { key: 'S4', kind: 'OTHER', title: label('x'), perChild: false, items: [{ key: 'A', label: label('a') }] }] },
      /item A is defined twice/,
    ],
    [
      'an item key with a colon',
      { sections: [{ key: 'S', kind: 'OTHER', title: label('x'), perChild: false, items: [{ key: 'A:1', label: label('a') }] }], scoring: null },
      /item key A:1/,
    ],
    [
      'an unknown item prompt',
      {
        sections: [
          { key: 'S', kind: 'OTHER', title: label('x'), perChild: false, items: [{ key: 'A', label: label('a'), promptsWhenYes: ['CALL_MUM' as never] }] },
        ],
        scoring: null,
      },
      /unknown prompt CALL_MUM/,
    ],
    ['an unknown violence pattern', { violencePatterns: [{ value: 'MUTUAL' as never, label: label('m'), prompts: [] }] }, /MUTUAL is unknown/],
    [
      'a duplicate violence pattern',
      {
        violencePatterns: [
          { value: 'UNCLEAR', label: label('u'), prompts: [] },
          { value: 'UNCLEAR', label: label('u'), prompts: [] },
        ],
      },
      /UNCLEAR is defined twice/,
    ],
    ['an unknown pattern prompt', { violencePatterns: [{ value: 'UNCLEAR', label: label('u'), prompts: ['X' as never] }] }, /unknown prompt X/],
  ])('refuses %s', (_name, change, problem) => {
    expect(validateInstrument({ ...SCORED, ...change }).join('\n')).toMatch(problem);
  });

  it.each<[string, NonNullable<RiskInstrument['scoring']>, RegExp]>([
    ['an unsupported method', { ...SCORED.scoring!, method: 'NEURAL' as never }, /not supported/],
    ['no validation reference', { ...SCORED.scoring!, reference: ' ' }, /reference of its validation/],
    ['a weight on an unknown item', { ...SCORED.scoring!, weights: { Z: 1 } }, /unknown item Z/],
    ['a weight on a per-child item', { ...SCORED.scoring!, weights: { KX: 1 } }, /per-child item KX/],
    ['a weight that is not a number', { ...SCORED.scoring!, weights: { A: Number.NaN } }, /finite number/],
    ['no thresholds', { ...SCORED.scoring!, thresholds: [] }, /at least one threshold/],
    ['an unknown level', { ...SCORED.scoring!, thresholds: [{ level: 'EXTREME' as never, minScore: 1 }] }, /EXTREME is unknown/],
    ['an infinite threshold', { ...SCORED.scoring!, thresholds: [{ level: 'LOW', minScore: Number.POSITIVE_INFINITY }] }, /finite minScore/],
    [
      'levels out of order',
      {
        ...SCORED.scoring!,
        thresholds: [
          { level: 'HIGH', minScore: 1 },
          { level: 'MEDIUM', minScore: 2 },
        ],
      },
      /ascend/,
    ],
    [
      'scores out of order',
      {
        ...SCORED.scoring!,
        thresholds: [
          { level: 'LOW', minScore: 5 },
          { level: 'HIGH', minScore: 5 },
        ],
      },
      /ascend/,
    ],
  ])('refuses scoring with %s', (_name, scoring, problem) => {
    expect(validateInstrument(withScoring(scoring)).join('\n')).toMatch(problem);
  });

  it('keeps every built-in instrument sound and each key + version unique', () => {
    for (const instrument of RISK_INSTRUMENTS) expect(validateInstrument(instrument)).toEqual([]);
    const ids = RISK_INSTRUMENTS.map((i) => `${i.key}@${i.version}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
