// Lets a test start the API or the worker as a real OS process straight from the TypeScript sources:
//   node -r tools/test/ts-register.cjs apps/api/src/main.ts
// Each .ts file is compiled on load by @swc/core with exactly the options Jest uses (jest.preset.cjs),
// and the @schakel/* imports resolve as in Jest. No type checking (tsc does that) and no build step,
// so a fresh clone can run the two-replica test without `nx build`.
const fs = require('node:fs');
const Module = require('node:module');
const swc = require('@swc/core');
const preset = require('../../jest.preset.cjs');

const [, swcOptions] = Object.values(preset.transform)[0];
const aliases = Object.entries(preset.moduleNameMapper).map(([pattern, target]) => [new RegExp(pattern), target]);

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [pattern, target] of aliases) if (pattern.test(request)) return resolve.call(this, target, ...rest);
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...swcOptions, filename, sourceMaps: 'inline', swcrc: false, configFile: false });
  module._compile(code, filename);
};
