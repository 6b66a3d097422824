import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import * as domain from './index';

const sourceFiles = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

describe('public API', () => {
  it.each([
    'ROLES',
    'STAGES',
    'NOTICE_METHODS',
    'isOneOf',
    'RED_FLAGS',
    'PROTECTIVE_FACTORS',
    'RED_FLAG_CODES',
    'PROTECTIVE_FACTOR_CODES',
    'checkTransition',
    'nextStages',
    'stageAfterEvaluation',
    'isProtocolInForce',
    'checkProtocolTransition',
    'PROTOCOL_ACTIONS',
    'checkDisclosure',
    'availableLegalBases',
    'primaryRefusal',
    'DISCLOSURE_REFUSAL_CODES',
    'normaliseName',
    'blindIndexInput',
    'formatCaseReference',
    'parseCaseReference',
    'todayInBrussels',
    'addMonths',
    'isIsoDate',
    'clampLimit',
    'protectTable',
    'protectBreakdown',
    'isSmallCount',
    'MINIMUM_CELL',
  ])('exports %s', (name) => {
    expect(domain).toHaveProperty(name);
  });

  it.each(sourceFiles.filter((f) => f !== 'index.ts'))('re-exports %s from the index', (file) => {
    const index = readFileSync(join(__dirname, 'index.ts'), 'utf8');
    expect(index).toContain(`export * from './${file.replace(/\.ts$/, '')}';`);
  });
});

// The library is bundled into the browser SPA as well as the server: it must stay free of
// Node built-ins, packages and ambient server globals.
describe('purity', () => {
  it.each(sourceFiles)('%s imports only sibling files and no server globals', (file) => {
    const text = readFileSync(join(__dirname, file), 'utf8');
    const specifiers = [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[a-z-]+$/);
    expect(text).not.toMatch(/\brequire\(|\bimport\(|\bprocess\.|\bBuffer\b|\b__dirname\b/);
  });
});
