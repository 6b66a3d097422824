module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'worker',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../../tools/test/global-setup.cjs',
  globalTeardown: '<rootDir>/../../tools/test/global-teardown.cjs',
  testTimeout: 60000,
  maxWorkers: 1,
};
