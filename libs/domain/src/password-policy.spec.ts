import { checkPassword, PASSWORD_MIN_SCORE } from './password-policy';

describe('password policy', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', 'wachtwoord123', 'motdepasse12', 'azertyuiop12', 'Schakel12345'])('refuses %s', async (pw) => {
    const v = await checkPassword(pw);
    expect(v.ok).toBe(false);
    expect(v.score).toBeLessThan(PASSWORD_MIN_SCORE);
  });

  it.each(['password-1-long-enough', 'password-123-long-enough', 'admin-password-for-tests', 'Schakel-dev-admin-2026', 'Kwartel-Fietspomp-93-Zeebries'])('accepts %s', async (pw) => {
    expect((await checkPassword(pw)).ok).toBe(true);
  });

  it('refuses what is too short before estimating', async () => {
    expect(await checkPassword('Zq8#kP1!x')).toMatchObject({ ok: false, reason: 'TOO_SHORT' });
  });

  it("counts the person's own name and email against the password", async () => {
    const pw = 'quirin.vandamme@caw.be';
    expect((await checkPassword(pw)).ok).toBe(true);
    expect((await checkPassword(pw, ['quirin.vandamme@caw.be', 'Quirin Vandamme'])).ok).toBe(false);
  });
});
