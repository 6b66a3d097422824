import { blindIndexInput, normaliseName } from './person-key';

describe('normaliseName', () => {
  it.each([
    ['Van den Broeck-Élise', 'vandenbroeckelise'],
    ['vandenbroeck elise', 'vandenbroeckelise'],
    ["D'Hondt", 'dhondt'],
    ['d’Hondt', 'dhondt'],
    ['  De  Smet ', 'desmet'],
    ['François', 'francois'],
    ['Müller', 'muller'],
    ['Çelik', 'celik'],
    ['Ñúñez', 'nunez'],
    ['ÉLISE', 'elise'],
    ['Jan-Pieter 2', 'janpieter'],
    ['Ǆemal', 'dzemal'],
    ['Ĳsbrand', 'ijsbrand'],
    ['ﬁnn', 'finn'],
    ['Ａｎｎａ', 'anna'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('gives the same key for a precomposed and a decomposed accent', () => {
    expect(normaliseName('Ren\u00e9')).toBe(normaliseName('Rene\u0301'));
  });

  it('keeps letters of non-Latin scripts', () => {
    expect(normaliseName('Юлия Петрова')).toBe('юлияпетрова');
    expect(normaliseName('محمد')).toBe('محمد');
  });

  it('still tells different names apart', () => {
    expect(normaliseName('Peeters')).not.toBe(normaliseName('Peters'));
  });
});

describe('blindIndexInput', () => {
  it('puts the last name first, then the first name, then the birth date', () => {
    expect(blindIndexInput('Élise', 'Van den Broeck', '1990-02-28')).toBe('vandenbroeck|elise|1990-02-28');
  });

  it.each([undefined, null, '', '   '])('leaves the date empty when it is %j', (birthDate) => {
    expect(blindIndexInput('Élise', 'Van den Broeck', birthDate)).toBe('vandenbroeck|elise|');
  });

  it('matches spelling variants of the same person', () => {
    expect(blindIndexInput('Élise', 'Van den Broeck-Dupont', '1990-02-28')).toBe(blindIndexInput('elise', 'vandenbroeck dupont', '1990-02-28'));
  });

  it('keeps first and last name apart', () => {
    expect(blindIndexInput('Jan', 'Peeters')).not.toBe(blindIndexInput('Peeters', 'Jan'));
  });

  it.each(['28/02/1990', '1990-02-30', '1990-2-28', '1990-02-28T00:00:00Z'])('refuses the malformed birth date %j', (birthDate) => {
    expect(() => blindIndexInput('Jan', 'Peeters', birthDate)).toThrow(RangeError);
  });

  it('does not echo the personal data it refuses', () => {
    expect(() => blindIndexInput('Jan', 'Peeters', '28/02/1990')).toThrow(/^Birth date must be YYYY-MM-DD$/);
  });
});
