import { GENDER_CODES, genderCode } from './gender';

describe('genderCode', () => {
  it.each(GENDER_CODES)('keeps the code %s', (code) => expect(genderCode(code)).toBe(code));
  it.each([
    ['V', 'FEMALE'],
    ['vrouw', 'FEMALE'],
    ['Femme', 'FEMALE'],
    ['f', 'FEMALE'],
    ['M', 'MALE'],
    ['man', 'MALE'],
    ['homme', 'MALE'],
    ['x', 'X'],
    ['non-binair', 'X'],
    ['onbekend', 'UNKNOWN'],
    ['something else', 'UNKNOWN'],
  ])('maps the older free text %s to %s', (input, code) => expect(genderCode(input)).toBe(code));
  it('leaves an absent gender absent', () => {
    expect(genderCode(undefined)).toBeNull();
    expect(genderCode('  ')).toBeNull();
  });
});
