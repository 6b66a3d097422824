// Unit tests of the SPA's logic (pure helpers, the session, hooks) in jsdom; screens are covered by
// the browser tests in apps/web-e2e.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
};
