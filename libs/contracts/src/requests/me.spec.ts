import { changePasswordRequestSchema, localeRequestSchema, PASSWORD_MIN_LENGTH } from './me';

describe('PATCH /me request schemas', () => {
  it('refuses a new password under the shared minimum, naming the rule', () => {
    const r = changePasswordRequestSchema.safeParse({ currentPassword: 'old', newPassword: 'x'.repeat(PASSWORD_MIN_LENGTH - 1) });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['newPassword', 'validation.passwordLength']]);
    expect(changePasswordRequestSchema.safeParse({ currentPassword: 'old', newPassword: 'x'.repeat(PASSWORD_MIN_LENGTH) }).success).toBe(true);
  });

  it('accepts the three languages only', () => {
    expect(localeRequestSchema.safeParse({ locale: 'fr' }).success).toBe(true);
    expect(localeRequestSchema.safeParse({ locale: 'de' }).success).toBe(false);
  });
});
