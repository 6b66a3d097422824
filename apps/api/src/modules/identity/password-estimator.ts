import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as Language from '@zxcvbn-ts/language-common';
import { sep } from 'node:path';
import { passwordVerdict, PLATFORM_WORDS, type PasswordEstimator, type PasswordVerdict } from '@schakel/domain';

const PACKAGES = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-nl-be', '@zxcvbn-ts/language-fr', '@zxcvbn-ts/language-en'] as const;
/** How long the dictionaries stay loaded after the last check. */
const IDLE_MS = 60_000;

let estimator: PasswordEstimator | null = null;
let idle: NodeJS.Timeout | null = null;

/**
 * zxcvbn-ts with the common-password list and the nl-be, fr and en dictionaries. The dictionaries
 * are tens of MB of heap: they are loaded on the first check (not when the API starts) and let go
 * after a minute without checks, so a server that only reads cases does not carry them through every
 * garbage collection (issue 14). Passwords are set rarely; loading again costs well under a second.
 */
function zxcvbn(): PasswordEstimator {
  if (!estimator) {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see above */
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
    const [common, nl, fr, en] = PACKAGES.slice(1).map((p) => require(p) as typeof Language);
    /* eslint-enable @typescript-eslint/no-require-imports */
    // Dictionary names collide between languages (nl-be's `commonWords`): prefix each language.
    const prefixed = (p: string, d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`${p}:${k}`, v]));
    const factory = new ZxcvbnFactory({
      dictionary: {
        ...common!.dictionary,
        ...prefixed('nl', nl!.dictionary),
        ...prefixed('fr', fr!.dictionary),
        ...prefixed('en', en!.dictionary),
        platform: PLATFORM_WORDS,
      },
      graphs: common!.adjacencyGraphs,
    } as ConstructorParameters<typeof ZxcvbnCore.ZxcvbnFactory>[0]);
    estimator = (password, inputs) => factory.check(password, inputs);
  }
  if (idle) idle.refresh();
  else idle = setTimeout(release, IDLE_MS).unref();
  return estimator;
}

/** Drops the estimator and the dictionary packages from the module cache, so their heap can be collected. */
function release(): void {
  estimator = null;
  idle = null;
  for (const p of PACKAGES.slice(1)) {
    const marker = `${sep}node_modules${sep}${p.split('/').join(sep)}${sep}`;
    const file = require.resolve(p);
    const dir = file.slice(0, file.lastIndexOf(marker) + marker.length);
    for (const key of Object.keys(require.cache)) if (key.startsWith(dir)) delete require.cache[key];
  }
}

/** The shared rule (libs/domain password-policy) with the server's estimator. */
export function checkPassword(password: string, personal: string[] = []): PasswordVerdict {
  return passwordVerdict(password, personal, zxcvbn());
}
