import { agencyRequestSchema, AGENCY_LIMITS } from './admin';
import { CASEWORK_LIMITS, disclosureRequestSchema, noticeRequestSchema } from './casework';
import { criteriaLines, protocolRequestSchema } from './protocols';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);

describe('casework, admin and protocol request schemas', () => {
  it('asks a withheld notice for its reasons, an informed one for when and how', () => {
    const base = { personId: 'p', informedAt: '', method: '', justification: '', reviewDate: '' };
    expect(messages(noticeRequestSchema.safeParse({ ...base, withheld: true }))).toEqual(['justification:validation.justification']);
    expect(messages(noticeRequestSchema.safeParse({ ...base, withheld: false }))).toEqual(['informedAt:validation.dateTime', 'method:validation.choose']);
    expect(messages(noticeRequestSchema.safeParse({ ...base, withheld: true, justification: 'x'.repeat(CASEWORK_LIMITS.noticeJustificationMax + 1) }))).toEqual(
      ['justification:validation.tooLong'],
    );
  });

  it('asks a disclosure for what its legal basis requires, and only that', () => {
    const base = {
      toAgencyIds: ['a'],
      legalBasis: 'CONSENT',
      consentId: '',
      justification: '',
      personId: '',
      dangerStatement: '',
      provision: '',
      requiresJustification: false,
      requiresPerson: false,
      requiresDangerStatement: false,
      requiresProvision: false,
    };
    expect(messages(disclosureRequestSchema.safeParse(base))).toEqual(['consentId:validation.chooseConsent']);
    expect(messages(disclosureRequestSchema.safeParse({ ...base, legalBasis: 'ART_458TER', requiresJustification: true }))).toEqual([
      'justification:validation.justification',
    ]);
  });

  it("holds agencies to the API's lengths and protocols to their date order", () => {
    expect(messages(agencyRequestSchema.safeParse({ name: 'X', type: 'CAW', district: 'Antwerpen' }))).toEqual(['name:validation.minLength']);
    expect(agencyRequestSchema.safeParse({ name: 'x'.repeat(AGENCY_LIMITS.nameMax), type: 'CAW', district: 'Antwerpen' }).success).toBe(true);
    const protocol = {
      title: 'Protocol',
      district: 'Antwerpen',
      purpose: 'Case conferences on partner violence',
      agencyIds: [],
      dataCategories: ['IDENTIFICATION'],
      retentionMonths: '60',
      validFrom: '2026-01-01',
      approverAgencyIds: [],
      withModalities: false,
      modalities: { inclusionCriteria: '', chair: '', informing: '', languageRegime: '', route: '' },
    };
    expect(messages(protocolRequestSchema.safeParse({ ...protocol, validUntil: '2025-12-31' }))).toEqual(['validUntil:validation.dateOrder']);
    expect(messages(protocolRequestSchema.safeParse({ ...protocol, validUntil: '' }))).toEqual([]);
    // The modalities: ignored until laid down, then each one required (the criteria one per line).
    const laidDown = { ...protocol, validUntil: '', withModalities: true };
    expect(
      messages(
        protocolRequestSchema.safeParse({
          ...laidDown,
          modalities: { inclusionCriteria: ' \n', chair: 'x', informing: 'Bij de aanmelding', languageRegime: 'NL', route: '' },
        }),
      ),
    ).toEqual(['modalities.inclusionCriteria:validation.required', 'modalities.chair:validation.minLength', 'modalities.route:validation.choose']);
    expect(
      messages(
        protocolRequestSchema.safeParse({
          ...laidDown,
          modalities: { inclusionCriteria: 'ok', chair: 'FJC', informing: 'Bij de aanmelding', languageRegime: 'NL', route: 'DECREE' },
        }),
      ),
    ).toEqual(['modalities.inclusionCriteria:validation.criteria']);
    expect(
      messages(
        protocolRequestSchema.safeParse({
          ...laidDown,
          modalities: {
            inclusionCriteria: 'Kinderen betrokken\n\nEerdere feiten',
            chair: 'FJC',
            informing: 'Bij de aanmelding',
            languageRegime: 'NL',
            route: 'DECREE',
          },
        }),
      ),
    ).toEqual([]);
    expect(criteriaLines(' Kinderen betrokken \n\n Eerdere feiten')).toEqual(['Kinderen betrokken', 'Eerdere feiten']);
  });
});
