import { passwordVerdict, personalInputs, PASSWORD_MIN_SCORE } from './password-policy';

const fixed = (score: number) => () => ({ score, feedback: { warning: score < 3 ? 'commonPasswords' : null, suggestions: [] } });

describe('password policy', () => {
  it('refuses what is too short or too long before estimating', () => {
    const never = () => {
      throw new Error('not estimated');
    };
    expect(passwordVerdict('Zq8#kP1!x', [], never)).toMatchObject({ ok: false, reason: 'TOO_SHORT' });
    expect(passwordVerdict('x'.repeat(1025), [], never)).toMatchObject({ ok: false, reason: 'TOO_LONG' });
  });

  it(`accepts from score ${PASSWORD_MIN_SCORE} on`, () => {
    expect(passwordVerdict('long-enough-password', [], fixed(2))).toMatchObject({ ok: false, reason: 'TOO_WEAK', warning: 'commonPasswords' });
    expect(passwordVerdict('long-enough-password', [], fixed(3)).ok).toBe(true);
  });

  it('hands the account name and email, and their parts, to the estimator', () => {
    expect(personalInputs(['marie.dubois@caw.be', 'Marie Dubois'])).toEqual(
      expect.arrayContaining(['marie.dubois@caw.be', 'marie', 'dubois', 'caw', 'Marie Dubois']),
    );
  });
});
