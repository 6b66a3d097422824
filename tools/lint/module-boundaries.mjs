// Each Nest module of apps/api owns its tables: only its own files import its entities; other
// modules call its exported service. eslint-plugin-boundaries classifies every file of
// apps/api/src/modules/<name>/ as an element of module <name>, and every *.entity(ies).ts as an
// entity of its module; importing another module's entity is an ERROR, with no exceptions
// (docs/architecture.md, "The boundary rule"). A module that needs another module's rows calls that
// module's exported service or its plain read/write functions (e.g. agencies/agency-directory.ts,
// identity/user-directory.ts, cases/case-directory.ts), which return plain values, not entities.
export function moduleBoundaries(boundaries) {
  return [
    {
      files: ['apps/api/src/modules/**/*.ts'],
      plugins: { boundaries },
      settings: {
        'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
        'boundaries/include': ['apps/api/src/modules/**/*.ts'],
        'boundaries/elements': [{ type: 'module', pattern: 'apps/api/src/modules/*', capture: ['module'] }],
        'boundaries/files': [{ category: 'entity', pattern: '**/*.{entity,entities}.ts' }],
      },
      rules: {
        'boundaries/dependencies': [
          'error',
          {
            default: 'allow',
            policies: [
              {
                from: { element: { type: 'module' } },
                disallow: [{ to: { element: { type: 'module', captured: { module: '!{{from.captured.module}}' } }, file: { categories: 'entity' } } }],
                message:
                  'Module {{from.captured.module}} imports an entity of module {{to.captured.module}}: call its exported service instead (docs/architecture.md)',
              },
            ],
          },
        ],
      },
    },
  ];
}
