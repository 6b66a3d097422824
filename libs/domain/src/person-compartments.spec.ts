import { birthYearOf, personCompartments, personDisclosureRefusal, protocolCategoriesWithContact, type CompartmentFacts } from './person-compartments';

const REFERRER = 'police';
const DIRECTOR = 'fjc';
const PARTNER = 'caw';
const PERPETRATOR_SIDE = 'justice-house';

const facts = (over: Partial<CompartmentFacts> = {}): CompartmentFacts => ({
  callerAgencyId: PARTNER,
  referringAgencyId: REFERRER,
  directorAgencyId: DIRECTOR,
  confidentialAddress: false,
  addressAuthorAgencyId: REFERRER,
  disclosedToCaller: [],
  ...over,
});
const visible = (over: Partial<CompartmentFacts>) => personCompartments(facts(over)).visible.sort();
const ALL = ['address', 'birthDate', 'email', 'nationalNumber', 'phone'];

describe('person compartments', () => {
  it('shows every field to the referring agency and the case director agency', () => {
    expect(visible({ callerAgencyId: REFERRER })).toEqual(ALL);
    expect(visible({ callerAgencyId: DIRECTOR })).toEqual(ALL);
  });

  it('withholds identification and contact fields from a partner and the perpetrator-side agency, with the reason', () => {
    for (const agency of [PARTNER, PERPETRATOR_SIDE]) {
      const v = personCompartments(facts({ callerAgencyId: agency }));
      expect(v.visible).toEqual([]);
      expect(v.withheld.map((w) => w.field).sort()).toEqual(ALL);
      expect(new Set(v.withheld.map((w) => w.reason))).toEqual(new Set(['NEED_TO_KNOW']));
    }
  });

  it('opens exactly the disclosed category to the agency it was disclosed to', () => {
    expect(visible({ disclosedToCaller: ['IDENTIFICATION'] })).toEqual(['birthDate', 'nationalNumber']);
    expect(visible({ disclosedToCaller: ['CONTACT'] })).toEqual(['address', 'email', 'phone']);
    expect(visible({ disclosedToCaller: ['WELFARE_SUPPORT'] })).toEqual([]);
  });

  it('keeps no director agency compartment before a director accepts the referral', () => {
    expect(visible({ callerAgencyId: DIRECTOR, directorAgencyId: null })).toEqual([]);
  });

  it('shows a confidential address to its author agency only, whatever else holds', () => {
    const conf = { confidentialAddress: true, addressAuthorAgencyId: PARTNER };
    expect(visible({ ...conf, callerAgencyId: PARTNER })).toContain('address');
    expect(visible({ ...conf, callerAgencyId: REFERRER })).not.toContain('address');
    expect(visible({ ...conf, callerAgencyId: DIRECTOR })).not.toContain('address');
    expect(visible({ ...conf, callerAgencyId: PERPETRATOR_SIDE, disclosedToCaller: ['CONTACT'] })).toEqual(['email', 'phone']);
    expect(personCompartments(facts({ ...conf, callerAgencyId: REFERRER })).withheld).toEqual([{ field: 'address', reason: 'CONFIDENTIAL_ADDRESS' }]);
  });
});

describe('person disclosures', () => {
  it('lets the file holders disclose identification and contact details', () => {
    expect(personDisclosureRefusal(facts({ callerAgencyId: REFERRER }), ['IDENTIFICATION', 'CONTACT'])).toBeNull();
    expect(personDisclosureRefusal(facts({ callerAgencyId: DIRECTOR }), ['CONTACT'])).toBeNull();
  });

  it('refuses a partner that does not hold the file, and other categories', () => {
    expect(personDisclosureRefusal(facts(), ['IDENTIFICATION'])).toBe('NOT_PERSON_FILE_HOLDER');
    expect(personDisclosureRefusal(facts({ callerAgencyId: REFERRER }), ['HEALTH'])).toBe('CATEGORY_NOT_PERSON_DATA');
  });

  it('never discloses a confidential address, even by its author', () => {
    const conf = facts({ callerAgencyId: REFERRER, confidentialAddress: true, addressAuthorAgencyId: REFERRER });
    expect(personDisclosureRefusal(conf, ['CONTACT'])).toBe('CONFIDENTIAL_ADDRESS');
    expect(personDisclosureRefusal(conf, ['IDENTIFICATION'])).toBeNull();
  });
});

describe('helpers', () => {
  it('gives the birth year only', () => {
    expect(birthYearOf('1991-03-14')).toBe(1991);
    expect(birthYearOf(null)).toBeNull();
  });

  it('treats contact details as covered by an identification protocol', () => {
    expect(protocolCategoriesWithContact(['IDENTIFICATION'])).toEqual(['IDENTIFICATION', 'CONTACT']);
    expect(protocolCategoriesWithContact(['HEALTH'])).toEqual(['HEALTH']);
  });
});
