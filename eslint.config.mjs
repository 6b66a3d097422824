import nx from '@nx/eslint-plugin';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './tools/lint/module-boundaries.mjs';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // Test infrastructure and the migration list live outside projects; the worker's tests reuse the
          // API's migration runner and the browser tests reuse the API's HTTP fixtures.
          // The worker has no SQL of its own: it calls the owning modules' job functions (issue 14,
          // docs/architecture.md). The offline verifier's worker thread loads the platform's sharing-log
          // files by relative path, because under Jest it is compiled as it loads, without path aliases.
          allow: [
            'tools/test/',
            '/migrations$',
            'api/src/database/',
            'api/test/support/',
            'api/src/cli/demo-world',
            'api/src/modules/identity/identity.housekeeping$',
            'api/src/modules/jobs/job-runs$',
            'api/src/modules/notifications/notification-scan$',
            'api/src/modules/notifications/notification-mail$',
            'libs/platform/src/sharing-log/',
          ],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
            // Browser tests drive the whole platform: they may use any library.
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  // The SPA: the rules of hooks (and the React Compiler's checks that come with them).
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  // Server code: a promise nobody awaits loses its error (and, in a transaction, its ordering).
  {
    files: ['apps/api/src/**/*.ts', 'apps/worker/src/**/*.ts', 'libs/*/src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Each API module owns its tables: see tools/lint/module-boundaries.mjs and docs/architecture.md.
  ...moduleBoundaries(boundaries),
];
