module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'authz',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
