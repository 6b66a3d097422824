module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../../tools/test/global-setup.cjs',
  globalTeardown: '<rootDir>/../../tools/test/global-teardown.cjs',
  testTimeout: 90000,
  maxWorkers: 1,
};
