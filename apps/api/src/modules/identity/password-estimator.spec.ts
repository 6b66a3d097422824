import { checkPassword } from './password-estimator';

describe('password strength with zxcvbn-ts and the nl-be/fr/en dictionaries', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', 'wachtwoord123', 'motdepasse12', 'azertyuiop12', 'Schakel12345'])('refuses %s', (pw) => {
    expect(checkPassword(pw)).toMatchObject({ ok: false, reason: 'TOO_WEAK' });
  });

  it.each(['password-1-long-enough', 'password-123-long-enough', 'admin-password-for-tests', 'Schakel-dev-admin-2026', 'Kwartel-Fietspomp-93-Zeebries'])(
    'accepts %s (test fixtures and the README admin)',
    (pw) => {
      expect(checkPassword(pw).ok).toBe(true);
    },
  );

  it("counts the person's own email against the password", () => {
    const pw = 'quirin.vandamme@caw.be';
    expect(checkPassword(pw).ok).toBe(true);
    expect(checkPassword(pw, ['quirin.vandamme@caw.be', 'Quirin Vandamme']).ok).toBe(false);
  });
});

describe('the dictionaries, loaded on demand', () => {
  afterEach(() => jest.useRealTimers());

  it('still judge passwords after being let go for a minute without checks', () => {
    jest.useFakeTimers();
    expect(checkPassword('wachtwoord123')).toMatchObject({ ok: false, reason: 'TOO_WEAK' });
    jest.advanceTimersByTime(61_000); // idle: the estimator and its dictionaries are released
    expect(checkPassword('wachtwoord123')).toMatchObject({ ok: false, reason: 'TOO_WEAK' });
    expect(checkPassword('Kwartel-Fietspomp-93-Zeebries').ok).toBe(true);
  });
});
