import * as enums from './enums';

// These literals restate api.md, "Enumerations": a failing line here means the contract changed.
const CONTRACT: Record<string, readonly string[]> = {
  ROLES: ['case_director', 'referrer', 'agency_member', 'prosecutor_liaison', 'dpo', 'admin'],
  AGENCY_TYPES: ['POLICE', 'PROSECUTION', 'JUSTICE_HOUSE', 'CAW', 'CHILD_PROTECTION', 'MENTAL_HEALTH', 'FAMILY_JUSTICE_CENTRE', 'OTHER'],
  PERSON_ROLES: ['VICTIM', 'ALLEGED_PERPETRATOR', 'CHILD', 'OTHER'],
  STAGES: ['AANMELDING', 'DOSSIERVORMING', 'WEGING', 'CASUSREGIE', 'UITVOERING', 'EVALUATIE', 'AFGESLOTEN'],
  CLOSURE_REASONS: ['DECLINED', 'NOT_INCLUDED', 'COMPLETED'],
  VIOLENCE_FORMS: ['PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL', 'ECONOMIC', 'VERBAL', 'ADMINISTRATIVE', 'SOCIAL', 'CYBER'],
  DATA_CATEGORIES: [
    'IDENTIFICATION',
    'POLICE_INFORMATION',
    'JUDICIAL_INFORMATION',
    'WELFARE_SUPPORT',
    'CHILD_SITUATION',
    'HEALTH',
    'RISK_ASSESSMENT',
    'OTHER',
    'CONTACT',
  ],
  LEGAL_BASES: ['CONSENT', 'ART_458TER', 'ART_458BIS', 'ART_422BIS', 'LEGAL_OBLIGATION', 'NECESSITY'],
  CONSENT_STATUSES: ['GIVEN', 'REFUSED', 'WITHDRAWN'],
  CONSENT_METHODS: ['WRITTEN', 'VERBAL', 'DIGITAL'],
  DECISION_TYPES: ['INCLUDE', 'REFER_ELSEWHERE', 'NO_FURTHER_ACTION'],
  MEASURES: [
    'SAFETY_PLAN',
    'TEMPORARY_RESTRAINING_ORDER',
    'CONTACT_BAN',
    'FOLLOW_UP_VISIT',
    'PERPETRATOR_PROGRAMME',
    'VICTIM_SUPPORT',
    'SHELTER',
    'CHILD_PROTECTION_REFERRAL',
    'THERAPY',
    'OTHER',
  ],
  ACTION_STATUSES: ['OPEN', 'DONE', 'CANCELLED'],
  EVALUATION_OUTCOMES: ['CONTINUE', 'ESCALATE', 'CLOSE'],
  PROTOCOL_STATUSES: ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED'],
  NOTICE_METHODS: ['IN_PERSON', 'PHONE', 'LETTER', 'DIGITAL', 'WRITTEN', 'VERBAL'],
  RELATIONSHIP_TYPES: ['PARTNER', 'EX_PARTNER', 'PARENT', 'CHILD', 'SIBLING', 'OTHER_FAMILY'],
  RELATIONSHIP_VIOLENCE: ['ONE_WAY', 'MUTUAL', 'NONE'],
};

describe('enumerations', () => {
  it.each(Object.entries(CONTRACT))('%s matches the contract, in order', (name, values) => {
    expect((enums as unknown as Record<string, unknown>)[name]).toEqual(values);
  });

  it('exports no enumeration the contract test does not know about', () => {
    const arrays = Object.entries(enums)
      .filter(([, value]) => Array.isArray(value))
      .map(([name]) => name);
    expect(arrays.sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it.each(Object.keys(CONTRACT))('%s has no duplicates', (name) => {
    const values = (enums as unknown as Record<string, string[]>)[name]!;
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('isOneOf', () => {
  it.each<[unknown, boolean]>([
    ['WEGING', true],
    ['weging', false],
    ['', false],
    [undefined, false],
    [3, false],
    [['WEGING'], false],
  ])('%j is a stage: %s', (value, expected) => {
    expect(enums.isOneOf(enums.STAGES, value)).toBe(expected);
  });
});
