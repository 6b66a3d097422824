import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('applies defaults', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.RUN_MIGRATIONS).toBe(true);
    expect(c.MFA_REQUIRED_ROLES).toEqual(['admin', 'case_director', 'prosecutor_liaison', 'dpo']);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', REDIS_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable in one line', () => {
    expect(() => parseConfig({ PORT: 'x', REDIS_URL: 'http://nope', MFA_REQUIRED_ROLES: 'admin,chief' })).toThrow(ConfigError);
    try {
      parseConfig({ PORT: 'x', REDIS_URL: 'http://nope' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT .*; REDIS_URL /);
    }
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => parseConfig({ ADMIN_EMAIL: 'a@b.be' })).toThrow(/ADMIN_PASSWORD/);
  });
});
