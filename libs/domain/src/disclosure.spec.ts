import {
  DISCLOSURE_REFUSAL_CODES,
  MIN_JUSTIFICATION_LENGTH,
  availableLegalBases,
  checkDisclosure,
  primaryRefusal,
  type DisclosureConsent,
  type DisclosureFacts,
  type DisclosureRefusal,
  type DisclosureRefusalCode,
} from './disclosure';
import { LEGAL_BASIS_CONDITIONS, MIN_DANGER_STATEMENT_LENGTH, NEW_CRIMINAL_CODE_FROM, referenceOn, type LegalReferenceVersion } from './legal-basis';
import { LEGAL_BASES, PROTOCOL_STATUSES, STAGES, type LegalBasis, type ProtocolStatus } from './enums';

const TODAY = '2026-05-15';

function consent(overrides: Partial<DisclosureConsent> = {}): DisclosureConsent {
  return {
    status: 'GIVEN',
    validUntil: null,
    withdrawnAt: null,
    agencyIds: ['caw', 'justice'],
    dataCategories: ['IDENTIFICATION', 'WELFARE_SUPPORT'],
    ...overrides,
  };
}

// A lawful disclosure from the police to two case agencies; each test breaks one thing.
function facts(overrides: Partial<DisclosureFacts> = {}): DisclosureFacts {
  return {
    today: TODAY,
    protocol: {
      status: 'APPROVED',
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
      signatoryAgencyIds: ['police', 'caw', 'justice', 'mental', 'parket', 'ambulance'],
      dataCategories: ['IDENTIFICATION', 'WELFARE_SUPPORT', 'POLICE_INFORMATION'],
    },
    caseStage: 'DOSSIERVORMING',
    caseAgencyIds: ['police', 'caw', 'justice', 'parket', 'ambulance'],
    fromAgencyId: 'police',
    toAgencyIds: ['caw', 'justice'],
    categories: ['IDENTIFICATION', 'WELFARE_SUPPORT'],
    legalBasis: 'ART_458TER',
    justification: 'Needed to plan the safety of the victim at the conference.',
    consent: null,
    recipientAgencies: AGENCIES,
    personId: 'child-1',
    dangerStatement: 'He threatened to take the children abroad tonight.',
    provision: 'art. 29 Sv.',
    ...overrides,
  };
}

const AGENCIES: DisclosureFacts['recipientAgencies'] = {
  police: { type: 'POLICE', emergencyService: false },
  caw: { type: 'CAW', emergencyService: false },
  justice: { type: 'JUSTICE_HOUSE', emergencyService: false },
  mental: { type: 'MENTAL_HEALTH', emergencyService: false },
  parket: { type: 'PROSECUTION', emergencyService: false },
  ambulance: { type: 'OTHER', emergencyService: true },
};

/** Recipients each basis allows, so a test about one rule breaks only that rule. */
const LAWFUL_RECIPIENTS: Record<LegalBasis, string[]> = {
  CONSENT: ['caw', 'justice'],
  ART_458TER: ['caw', 'justice'],
  ART_458BIS: ['parket'],
  ART_422BIS: ['ambulance'],
  LEGAL_OBLIGATION: ['caw', 'justice'],
  NECESSITY: ['caw', 'justice'],
};
const lawful = (legalBasis: LegalBasis, overrides: Partial<DisclosureFacts> = {}) =>
  facts({ legalBasis, toAgencyIds: LAWFUL_RECIPIENTS[legalBasis], ...overrides });

const withProtocol = (overrides: Partial<DisclosureFacts['protocol']>) => facts({ protocol: { ...facts().protocol, ...overrides } });
const codes = (refusals: DisclosureRefusal[]) => refusals.map((r) => r.code);

describe('checkDisclosure', () => {
  it('accepts a lawful disclosure under every non-consent basis', () => {
    for (const legalBasis of LEGAL_BASES.filter((b) => b !== 'CONSENT')) {
      expect(checkDisclosure(lawful(legalBasis))).toEqual([]);
    }
  });

  it('accepts a lawful disclosure on consent', () => {
    expect(checkDisclosure(facts({ legalBasis: 'CONSENT', consent: consent(), justification: null }))).toEqual([]);
  });

  describe('case stage', () => {
    it.each(STAGES)('in %s', (caseStage) => {
      expect(codes(checkDisclosure(facts({ caseStage })))).toEqual(caseStage === 'AFGESLOTEN' ? ['CASE_CLOSED'] : []);
    });
  });

  describe('protocol status', () => {
    const expected: Record<ProtocolStatus, DisclosureRefusalCode[]> = {
      DRAFT: ['NO_APPROVED_PROTOCOL'],
      SUBMITTED: ['NO_APPROVED_PROTOCOL'],
      APPROVED: [],
      REJECTED: ['NO_APPROVED_PROTOCOL'],
      SUSPENDED: ['PROTOCOL_NOT_IN_FORCE'],
    };
    it.each(PROTOCOL_STATUSES)('%s', (status) => {
      expect(codes(checkDisclosure(withProtocol({ status })))).toEqual(expected[status]);
    });
  });

  describe('protocol validity window', () => {
    it.each<[string, string, string | null, boolean]>([
      ['starts today', TODAY, null, true],
      ['ends today', '2026-01-01', TODAY, true],
      ['open-ended', '2020-01-01', null, true],
      ['starts tomorrow', '2026-05-16', null, false],
      ['ended yesterday', '2025-01-01', '2026-05-14', false],
    ])('%s', (_name, validFrom, validUntil, inForce) => {
      const refusals = checkDisclosure(withProtocol({ validFrom, validUntil }));
      expect(codes(refusals)).toEqual(inForce ? [] : ['PROTOCOL_NOT_IN_FORCE']);
    });

    it('says when a future protocol comes into force', () => {
      const [refusal] = checkDisclosure(withProtocol({ validFrom: '2026-06-01' }));
      expect(refusal?.message).toContain('2026-06-01');
    });

    it('says when an expired protocol ended', () => {
      const [refusal] = checkDisclosure(withProtocol({ validUntil: '2026-03-31' }));
      expect(refusal?.message).toContain('expired on 2026-03-31');
    });
  });

  describe('recipients', () => {
    it('refuses a disclosure to nobody', () => {
      expect(codes(checkDisclosure(facts({ toAgencyIds: [] })))).toEqual(['NO_RECIPIENTS']);
    });

    it('refuses sharing with the own agency, and reports it only once', () => {
      const refusals = checkDisclosure(facts({ toAgencyIds: ['police', 'caw'] }));
      expect(refusals).toEqual([expect.objectContaining({ code: 'SELF_DISCLOSURE', agencyIds: ['police'] })]);
    });

    it('does not report the own agency as outside the case or protocol', () => {
      const refusals = checkDisclosure(
        facts({ toAgencyIds: ['police'], caseAgencyIds: ['caw'], protocol: { ...facts().protocol, signatoryAgencyIds: ['caw'] } }),
      );
      expect(codes(refusals)).toEqual(['SELF_DISCLOSURE']);
    });

    it('lists the agencies that are not part of the case', () => {
      const refusals = checkDisclosure(facts({ toAgencyIds: ['caw', 'mental'] }));
      expect(refusals).toEqual([expect.objectContaining({ code: 'AGENCY_NOT_IN_CASE', agencyIds: ['mental'] })]);
      expect(refusals[0]?.message).toContain('1 agency you chose is not part of this case');
    });

    it('lists the agencies that did not sign the protocol', () => {
      const refusals = checkDisclosure(facts({ caseAgencyIds: ['police', 'caw', 'justice', 'school'], toAgencyIds: ['caw', 'school'] }));
      expect(refusals).toEqual([expect.objectContaining({ code: 'AGENCY_NOT_SIGNATORY', agencyIds: ['school'] })]);
    });

    it('reports an outsider once per rule even when named twice', () => {
      const refusals = checkDisclosure(facts({ toAgencyIds: ['stranger', 'stranger'] }));
      expect(refusals).toEqual([
        expect.objectContaining({ code: 'AGENCY_NOT_IN_CASE', agencyIds: ['stranger'] }),
        expect.objectContaining({ code: 'AGENCY_NOT_SIGNATORY', agencyIds: ['stranger'] }),
      ]);
    });

    it('never puts agency ids in the message', () => {
      const refusals = checkDisclosure(facts({ toAgencyIds: ['stranger-uuid'] }));
      for (const refusal of refusals) expect(refusal.message).not.toContain('stranger-uuid');
    });
  });

  describe('data categories', () => {
    it('lists the categories the protocol does not allow', () => {
      const refusals = checkDisclosure(facts({ categories: ['IDENTIFICATION', 'HEALTH', 'CHILD_SITUATION', 'HEALTH'] }));
      expect(refusals).toEqual([expect.objectContaining({ code: 'CATEGORY_NOT_ALLOWED', categories: ['HEALTH', 'CHILD_SITUATION'] })]);
      expect(refusals[0]?.message).toContain('"health"');
      expect(refusals[0]?.message).toContain('"child situation"');
    });
  });

  describe('consent basis', () => {
    const onConsent = (c: DisclosureConsent | null | undefined, overrides: Partial<DisclosureFacts> = {}) =>
      checkDisclosure(facts({ legalBasis: 'CONSENT', consent: c, justification: null, ...overrides }));

    it.each<[string, DisclosureConsent | null | undefined, DisclosureRefusalCode[]]>([
      ['no consent record (null)', null, ['CONSENT_MISSING']],
      ['no consent record (absent)', undefined, ['CONSENT_MISSING']],
      ['consent refused', consent({ status: 'REFUSED' }), ['CONSENT_MISSING']],
      ['consent withdrawn', consent({ status: 'WITHDRAWN', withdrawnAt: '2026-05-01T10:00:00+02:00' }), ['CONSENT_WITHDRAWN']],
      ['withdrawal recorded on a consent still marked given', consent({ withdrawnAt: '2026-05-01T10:00:00+02:00' }), ['CONSENT_WITHDRAWN']],
      ['status withdrawn without a timestamp', consent({ status: 'WITHDRAWN' }), ['CONSENT_WITHDRAWN']],
      ['consent expired yesterday', consent({ validUntil: '2026-05-14' }), ['CONSENT_MISSING']],
      ['consent valid until today', consent({ validUntil: TODAY }), []],
      ['consent without end date', consent({ validUntil: null }), []],
      [
        'consent covering more than needed',
        consent({ agencyIds: ['caw', 'justice', 'mental'], dataCategories: ['IDENTIFICATION', 'WELFARE_SUPPORT', 'HEALTH'] }),
        [],
      ],
      ['consent not covering an agency', consent({ agencyIds: ['caw'] }), ['CONSENT_OUT_OF_SCOPE']],
      ['consent not covering a category', consent({ dataCategories: ['IDENTIFICATION'] }), ['CONSENT_OUT_OF_SCOPE']],
    ])('%s', (_name, c, expected) => {
      expect(codes(onConsent(c))).toEqual(expected);
    });

    it('names what falls outside the consent', () => {
      const [refusal] = onConsent(consent({ agencyIds: ['caw'], dataCategories: ['IDENTIFICATION'] }));
      expect(refusal).toEqual(expect.objectContaining({ code: 'CONSENT_OUT_OF_SCOPE', agencyIds: ['justice'], categories: ['WELFARE_SUPPORT'] }));
      expect(refusal?.message).toContain('1 agency you chose or the category "welfare support"');
    });

    it('leaves out the side of the scope that is covered', () => {
      const [refusal] = onConsent(consent({ agencyIds: ['caw'] }));
      expect(refusal).not.toHaveProperty('categories');
      expect(refusal?.agencyIds).toEqual(['justice']);
    });

    it('prefers the withdrawal over the expiry and the scope', () => {
      expect(codes(onConsent(consent({ status: 'WITHDRAWN', validUntil: '2020-01-01', agencyIds: [] })))).toEqual(['CONSENT_WITHDRAWN']);
    });

    it('prefers the expiry over the scope', () => {
      expect(codes(onConsent(consent({ validUntil: '2020-01-01', agencyIds: [] })))).toEqual(['CONSENT_MISSING']);
    });

    it('does not need a written justification', () => {
      expect(onConsent(consent(), { justification: '' })).toEqual([]);
    });
  });

  describe('justification for the other bases', () => {
    const otherBases = LEGAL_BASES.filter((b): b is Exclude<LegalBasis, 'CONSENT'> => b !== 'CONSENT');
    const cases: [string, string | null | undefined, boolean][] = [
      ['missing (undefined)', undefined, false],
      ['missing (null)', null, false],
      ['empty', '', false],
      ['only spaces', '            ', false],
      ['9 characters', 'x'.repeat(MIN_JUSTIFICATION_LENGTH - 1), false],
      ['9 characters padded with spaces', `   ${'x'.repeat(MIN_JUSTIFICATION_LENGTH - 1)}   `, false],
      ['exactly 10 characters', 'x'.repeat(MIN_JUSTIFICATION_LENGTH), true],
      ['a real reason', 'Imminent danger for the children, see police report.', true],
    ];
    it.each(otherBases.flatMap((basis) => cases.map(([name, j, ok]) => [basis, name, j, ok] as const)))(
      '%s with a justification that is %s',
      (legalBasis, _name, justification, ok) => {
        expect(codes(checkDisclosure(lawful(legalBasis, { justification })))).toEqual(ok ? [] : ['JUSTIFICATION_REQUIRED']);
      },
    );

    it.each(otherBases)('%s ignores a withdrawn consent on file', (legalBasis) => {
      expect(checkDisclosure(lawful(legalBasis, { consent: consent({ status: 'WITHDRAWN' }) }))).toEqual([]);
    });
  });

  describe('precedence', () => {
    it('returns every refusal, in the documented order (justification branch)', () => {
      const refusals = checkDisclosure(
        facts({
          caseStage: 'AFGESLOTEN',
          protocol: { ...facts().protocol, status: 'DRAFT' },
          toAgencyIds: ['police', 'stranger'],
          categories: ['HEALTH'],
          justification: 'short',
        }),
      );
      expect(codes(refusals)).toEqual([
        'CASE_CLOSED',
        'NO_APPROVED_PROTOCOL',
        'SELF_DISCLOSURE',
        'AGENCY_NOT_IN_CASE',
        'AGENCY_NOT_SIGNATORY',
        'CATEGORY_NOT_ALLOWED',
        'JUSTIFICATION_REQUIRED',
      ]);
    });

    it('returns every refusal, in the documented order (consent branch)', () => {
      const refusals = checkDisclosure(
        facts({
          caseStage: 'AFGESLOTEN',
          protocol: { ...facts().protocol, validUntil: '2026-01-31' },
          toAgencyIds: [],
          legalBasis: 'CONSENT',
          consent: null,
        }),
      );
      expect(codes(refusals)).toEqual(['CASE_CLOSED', 'PROTOCOL_NOT_IN_FORCE', 'NO_RECIPIENTS', 'CONSENT_MISSING']);
    });

    it('orders DISCLOSURE_REFUSAL_CODES as specified', () => {
      expect(DISCLOSURE_REFUSAL_CODES).toEqual([
        'CASE_CLOSED',
        'NO_APPROVED_PROTOCOL',
        'PROTOCOL_NOT_IN_FORCE',
        'NO_RECIPIENTS',
        'SELF_DISCLOSURE',
        'AGENCY_NOT_IN_CASE',
        'AGENCY_NOT_SIGNATORY',
        'CATEGORY_NOT_ALLOWED',
        'RECIPIENT_NOT_ALLOWED',
        'CONSENT_MISSING',
        'CONSENT_WITHDRAWN',
        'CONSENT_OUT_OF_SCOPE',
        'PERSON_REQUIRED',
        'DANGER_STATEMENT_REQUIRED',
        'PROVISION_REQUIRED',
        'JUSTIFICATION_REQUIRED',
      ]);
    });
  });

  it('does not modify the facts it is given', () => {
    const input = facts({ legalBasis: 'CONSENT', consent: consent({ agencyIds: ['caw'] }), toAgencyIds: ['justice', 'caw', 'caw'] });
    const snapshot = JSON.parse(JSON.stringify(input));
    checkDisclosure(input);
    expect(input).toEqual(snapshot);
  });
});

describe('availableLegalBases', () => {
  const base = () => {
    const { legalBasis: _l, consent: _c, justification: _j, personId: _p, dangerStatement: _d, provision: _v, ...rest } = facts();
    return rest;
  };

  it('gives one row per legal basis, in contract order', () => {
    expect(availableLegalBases(base(), []).map((r) => r.legalBasis)).toEqual([...LEGAL_BASES]);
  });

  it('asks for a justification instead of refusing the bases other than consent', () => {
    const rows = availableLegalBases(base(), []);
    for (const row of rows.filter((r) => !['CONSENT', 'ART_458BIS', 'ART_422BIS'].includes(r.legalBasis))) {
      expect(row).toMatchObject({ available: true, reasons: [], requiresJustification: true });
    }
    expect(rows.find((r) => r.legalBasis === 'CONSENT')).toMatchObject({ available: false, requiresJustification: false, consentIds: [] });
  });

  it('closes consent with the reason when no consent is on file', () => {
    const row = availableLegalBases(base(), []).find((r) => r.legalBasis === 'CONSENT')!;
    expect(codes(row.reasons)).toEqual(['CONSENT_MISSING']);
  });

  it('offers exactly the consents that cover the recipients and categories', () => {
    const rows = availableLegalBases(base(), [
      { id: 'narrow', consent: consent({ agencyIds: ['nobody-else'] }) },
      { id: 'covering', consent: consent() },
      { id: 'withdrawn', consent: consent({ status: 'WITHDRAWN' }) },
    ]);
    expect(rows.find((r) => r.legalBasis === 'CONSENT')).toMatchObject({ available: true, reasons: [], consentIds: ['covering'] });
  });

  it('explains consent with the first candidate when none covers', () => {
    const row = availableLegalBases(base(), [{ id: 'narrow', consent: consent({ agencyIds: ['nobody-else'] }) }]).find((r) => r.legalBasis === 'CONSENT')!;
    expect(row.available).toBe(false);
    expect(codes(row.reasons)).toEqual(['CONSENT_OUT_OF_SCOPE']);
  });

  it('closes every basis, with the shared reason, when the case is closed', () => {
    for (const row of availableLegalBases({ ...base(), caseStage: 'AFGESLOTEN' }, [{ id: 'c', consent: consent() }])) {
      expect(row.available).toBe(false);
      expect(codes(row.reasons)).toContain('CASE_CLOSED');
    }
  });
});

describe('primaryRefusal', () => {
  const refusal = (code: DisclosureRefusalCode): DisclosureRefusal => ({ code, message: code });

  it('is undefined for a lawful disclosure', () => {
    expect(primaryRefusal([])).toBeUndefined();
  });

  const pairs = DISCLOSURE_REFUSAL_CODES.flatMap((higher, i) => DISCLOSURE_REFUSAL_CODES.slice(i + 1).map((lower) => [higher, lower] as const));
  it.each(pairs)('%s outranks %s in either order', (higher, lower) => {
    expect(primaryRefusal([refusal(lower), refusal(higher)])?.code).toBe(higher);
    expect(primaryRefusal([refusal(higher), refusal(lower)])?.code).toBe(higher);
  });

  it('keeps the first of two refusals with the same code', () => {
    const first = { ...refusal('AGENCY_NOT_IN_CASE'), agencyIds: ['a'] };
    const second = { ...refusal('AGENCY_NOT_IN_CASE'), agencyIds: ['b'] };
    expect(primaryRefusal([first, second])).toBe(first);
  });

  it('picks the first code of a real refusal list', () => {
    const refusals = checkDisclosure(facts({ caseStage: 'AFGESLOTEN', toAgencyIds: [] }));
    expect(primaryRefusal(refusals)?.code).toBe('CASE_CLOSED');
  });
});

describe('conditions per legal basis', () => {
  describe('ART_458BIS: a report to the prosecutor about a named person in danger', () => {
    it.each([
      ['the prosecutor only', ['parket'], []],
      ['a welfare agency', ['justice'], ['justice']],
      ['the police', ['parket', 'police'], []],
      ['the prosecutor and a welfare agency', ['parket', 'justice'], ['justice']],
      ['an emergency service', ['ambulance'], ['ambulance']],
    ])('to %s', (_name, toAgencyIds, refused) => {
      const refusals = checkDisclosure(lawful('ART_458BIS', { toAgencyIds, fromAgencyId: 'caw' }));
      if (refused.length === 0 && toAgencyIds.includes('police')) {
        expect(refusals.find((r) => r.code === 'RECIPIENT_NOT_ALLOWED')?.agencyIds).toEqual(['police']);
      } else if (refused.length === 0) {
        expect(refusals).toEqual([]);
      } else {
        expect(refusals).toEqual([expect.objectContaining({ code: 'RECIPIENT_NOT_ALLOWED', agencyIds: refused })]);
      }
    });

    it('refuses an agency whose type is unknown', () => {
      expect(codes(checkDisclosure(lawful('ART_458BIS', { recipientAgencies: {} })))).toEqual(['RECIPIENT_NOT_ALLOWED']);
    });

    it.each([null, undefined, ''])('needs the person concerned (%p)', (personId) => {
      expect(codes(checkDisclosure(lawful('ART_458BIS', { personId })))).toEqual(['PERSON_REQUIRED']);
    });

    it.each([null, '', '   ', 'acuut', 'x'.repeat(MIN_DANGER_STATEMENT_LENGTH - 1)])('needs a danger statement (%p)', (dangerStatement) => {
      expect(codes(checkDisclosure(lawful('ART_458BIS', { dangerStatement })))).toEqual(['DANGER_STATEMENT_REQUIRED']);
    });

    it('lists every missing element, person before danger before justification', () => {
      expect(codes(checkDisclosure(lawful('ART_458BIS', { toAgencyIds: ['caw'], personId: null, dangerStatement: null, justification: null })))).toEqual([
        'RECIPIENT_NOT_ALLOWED',
        'PERSON_REQUIRED',
        'DANGER_STATEMENT_REQUIRED',
        'JUSTIFICATION_REQUIRED',
      ]);
    });
  });

  describe('ART_422BIS: informing those who can help now', () => {
    it.each([
      ['the police', ['police'], 'caw', []],
      ['an agency flagged as emergency service', ['ambulance'], 'police', []],
      ['a welfare agency', ['caw'], 'police', ['caw']],
      ['the prosecutor', ['parket'], 'police', ['parket']],
      ['the police and a mental-health service', ['police', 'justice'], 'caw', ['justice']],
    ])('to %s', (_name, toAgencyIds, fromAgencyId, refused) => {
      const refusals = checkDisclosure(lawful('ART_422BIS', { toAgencyIds, fromAgencyId }));
      expect(refusals).toEqual(refused.length ? [expect.objectContaining({ code: 'RECIPIENT_NOT_ALLOWED', agencyIds: refused })] : []);
    });

    it('needs a danger statement but no person', () => {
      expect(codes(checkDisclosure(lawful('ART_422BIS', { dangerStatement: ' ', personId: null })))).toEqual(['DANGER_STATEMENT_REQUIRED']);
    });
  });

  describe('LEGAL_OBLIGATION', () => {
    it.each([null, undefined, '', '  '])('needs the provision (%p)', (provision) => {
      expect(codes(checkDisclosure(lawful('LEGAL_OBLIGATION', { provision })))).toEqual(['PROVISION_REQUIRED']);
    });
    it('needs neither person nor danger statement', () => {
      expect(checkDisclosure(lawful('LEGAL_OBLIGATION', { personId: null, dangerStatement: null }))).toEqual([]);
    });
  });

  describe('NECESSITY', () => {
    it('needs a danger statement', () => {
      expect(codes(checkDisclosure(lawful('NECESSITY', { dangerStatement: null })))).toEqual(['DANGER_STATEMENT_REQUIRED']);
    });
    it('allows any case agency that signed the protocol', () => {
      expect(checkDisclosure(lawful('NECESSITY', { toAgencyIds: ['caw', 'justice', 'parket'], personId: null, provision: null }))).toEqual([]);
    });
    it('is marked for DPO review', () => {
      expect(LEGAL_BASIS_CONDITIONS.NECESSITY.dpoReview).toBe(true);
      expect(LEGAL_BASES.filter((b) => LEGAL_BASIS_CONDITIONS[b].dpoReview)).toEqual(['NECESSITY']);
    });
  });

  it.each(['CONSENT', 'ART_458TER'] as const)('%s asks nothing new', (legalBasis) => {
    const extra = { personId: null, dangerStatement: null, provision: null };
    const f = legalBasis === 'CONSENT' ? lawful('CONSENT', { consent: consent(), justification: null, ...extra }) : lawful('ART_458TER', extra);
    expect(checkDisclosure(f)).toEqual([]);
  });

  it('follows the conditions it is given (the stored table) over the built-in ones', () => {
    const strict = { ...LEGAL_BASIS_CONDITIONS.ART_458TER, provision: true };
    expect(codes(checkDisclosure(lawful('ART_458TER', { conditions: strict, provision: null })))).toEqual(['PROVISION_REQUIRED']);
  });

  it('never puts ids or statements in messages', () => {
    const refusals = checkDisclosure(lawful('ART_458BIS', { toAgencyIds: ['caw'], personId: null, dangerStatement: null }));
    for (const r of refusals) expect(r.message).not.toMatch(/caw|child-1/);
  });
});

describe('availableLegalBases per basis', () => {
  const base = (over: Partial<DisclosureFacts> = {}) => {
    const { legalBasis: _l, consent: _c, justification: _j, personId: _p, dangerStatement: _d, provision: _v, ...rest } = facts(over);
    return rest;
  };
  const row = (rows: ReturnType<typeof availableLegalBases>, b: LegalBasis) => rows.find((r) => r.legalBasis === b)!;

  it('explains in plain language when each basis applies', () => {
    for (const r of availableLegalBases(base(), [])) expect(r.appliesWhen.length).toBeGreaterThan(30);
  });

  it('says why art. 458bis does not apply to welfare recipients, and what the dialog will ask', () => {
    const r = row(availableLegalBases(base({ toAgencyIds: ['caw'] }), []), 'ART_458BIS');
    expect(r).toMatchObject({ available: false, requiresPerson: true, requiresDangerStatement: true, requiresProvision: false, dpoReview: false });
    expect(codes(r.reasons)).toEqual(['RECIPIENT_NOT_ALLOWED']);
    expect(r.reasons[0]!.message).toMatch(/prosecutor/);
  });

  it('opens art. 458bis for the prosecutor and art. 422bis for the police or an emergency service', () => {
    expect(row(availableLegalBases(base({ toAgencyIds: ['parket'] }), []), 'ART_458BIS').available).toBe(true);
    expect(row(availableLegalBases(base({ fromAgencyId: 'caw', toAgencyIds: ['police'] }), []), 'ART_422BIS').available).toBe(true);
    expect(row(availableLegalBases(base({ toAgencyIds: ['ambulance'] }), []), 'ART_422BIS').available).toBe(true);
  });

  it('asks for the provision under a legal obligation and announces the DPO review under necessity', () => {
    const rows = availableLegalBases(base(), []);
    expect(row(rows, 'LEGAL_OBLIGATION')).toMatchObject({ available: true, requiresProvision: true });
    expect(row(rows, 'NECESSITY')).toMatchObject({ available: true, requiresDangerStatement: true, dpoReview: true });
  });
});

describe('legal references by date', () => {
  const versions: LegalReferenceVersion[] = [
    { validFrom: '1867-06-08', validUntil: '2026-04-07', reference: 'art. 458ter Sw. (1867)' },
    { validFrom: NEW_CRIMINAL_CODE_FROM, validUntil: null, reference: 'Sw. 2024' },
  ];
  it.each([
    ['2025-12-31', 'art. 458ter Sw. (1867)'],
    ['2026-04-07', 'art. 458ter Sw. (1867)'],
    ['2026-04-08', 'Sw. 2024'],
    ['2030-01-01', 'Sw. 2024'],
    ['1800-01-01', null],
  ])('on %s', (day, expected) => {
    expect(referenceOn(versions, day)).toBe(expected);
  });
  it('prefers the latest version when two overlap', () => {
    expect(referenceOn([...versions, { validFrom: '2027-01-01', validUntil: null, reference: 'amended' }], '2027-06-01')).toBe('amended');
  });
});
