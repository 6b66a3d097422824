import { formatNationalNumber, isValidNationalNumber, nationalNumberCheckDigits, nationalNumberDigits } from './national-number';

describe('Belgian national register number', () => {
  it('accepts check digits of a birth before 2000', () => {
    // 850730 033 → 850730033 mod 97 = 69 → 97 − 69 = 28
    expect(nationalNumberCheckDigits('850730033', false)).toBe('28');
    expect(isValidNationalNumber('85.07.30-033.28')).toBe(true);
    expect(isValidNationalNumber('85073003328')).toBe(true);
  });

  it('accepts check digits of a birth from 2000 (prefixed with 2)', () => {
    const check = nationalNumberCheckDigits('170812001', true);
    expect(isValidNationalNumber(`17.08.12-001.${check}`)).toBe(true);
    // The same digits checked without the 2000 rule are a different number.
    expect(nationalNumberCheckDigits('170812001', false)).not.toBe(check);
  });

  it('refuses wrong check digits and wrong shapes', () => {
    expect(isValidNationalNumber('85.07.30-033.29')).toBe(false);
    expect(isValidNationalNumber('91.03.14-123.45')).toBe(false);
    expect(isValidNationalNumber('8507300332')).toBe(false);
    expect(isValidNationalNumber('85/07/30 033 28')).toBe(false);
    expect(isValidNationalNumber('')).toBe(false);
  });

  it('pads a check value under ten', () => {
    const nine = Array.from({ length: 97 * 3 }, (_, i) => String(100000000 + i)).find((n) => Number(n) % 97 === 90);
    expect(nationalNumberCheckDigits(nine!, false)).toBe('07');
    expect(isValidNationalNumber(`${nine}07`)).toBe(true);
  });

  it('formats as YY.MM.DD-XXX.CC', () => {
    expect(formatNationalNumber('85073003328')).toBe('85.07.30-033.28');
    expect(formatNationalNumber('850730-03328')).toBe('85.07.30-033.28');
    expect(formatNationalNumber('not a number')).toBe('not a number');
    expect(nationalNumberDigits(' 85.07.30-033.28 ')).toBe('85073003328');
  });
});
