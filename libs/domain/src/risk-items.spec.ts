import { PROTECTIVE_FACTORS, PROTECTIVE_FACTOR_CODES, RED_FLAGS, RED_FLAG_CODES, type RiskItem } from './risk-items';

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

describe.each<[string, readonly RiskItem<string>[], readonly string[], string[]]>([
  ['red flags', RED_FLAGS, RED_FLAG_CODES, numbered('RF', 14)],
  ['protective factors', PROTECTIVE_FACTORS, PROTECTIVE_FACTOR_CODES, numbered('PF', 11)],
])('%s', (_name, items, codes, expectedCodes) => {
  it('are numbered as in domain.md', () => {
    expect(codes).toEqual(expectedCodes);
  });

  it('have one item per code, in code order', () => {
    expect(items.map((item) => item.code)).toEqual(expectedCodes);
  });

  it.each(expectedCodes)('%s has a label in Dutch, French and English', (code) => {
    const item = items.find((i) => i.code === code)!;
    expect(Object.keys(item.label).sort()).toEqual(['en', 'fr', 'nl']);
    for (const text of Object.values(item.label)) expect(text.trim().length).toBeGreaterThan(3);
  });

  it('carry no weight or score: they are judgement prompts, not an instrument', () => {
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['code', 'label']);
  });
});

describe('wording from domain.md', () => {
  it.each<[string, string, string]>([
    ['RF02', 'Doodsbedreiging (partner, kinderen; ook dreigen met suïcide)', 'Death threats (against partner or children; also threats of suicide)'],
    ['RF08', 'Wurging, verstikking en verdrinking', 'Strangulation, suffocation, drowning'],
    ['RF13', 'Aanwezigheid van kinderen', 'Presence of children'],
    ['RF14', 'Vermoeden van kans op eergerelateerd geweld', 'Suspected risk of honour-related violence'],
  ])('red flag %s', (code, nl, en) => {
    expect(RED_FLAGS.find((i) => i.code === code)?.label).toEqual(expect.objectContaining({ nl, en }));
  });

  it.each<[string, string, string]>([
    ['PF01', 'Ondersteunend sociaal netwerk', 'Supportive social network'],
    ['PF08', 'Steunfiguur', 'A support figure'],
    ['PF11', 'Inzicht in de noden van de kinderen', "Insight into the children's needs"],
  ])('protective factor %s', (code, nl, en) => {
    expect(PROTECTIVE_FACTORS.find((i) => i.code === code)?.label).toEqual(expect.objectContaining({ nl, en }));
  });
});
