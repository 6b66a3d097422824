import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import * as nl from '@zxcvbn-ts/language-nl-be';
import { passwordVerdict, PLATFORM_WORDS, type PasswordEstimator, type PasswordVerdict } from '@schakel/domain';

let estimator: PasswordEstimator | null = null;

/** zxcvbn-ts with the common-password list and the nl-be, fr and en dictionaries, built on first use. */
function zxcvbn(): PasswordEstimator {
  if (!estimator) {
    // Dictionary names collide between languages (nl-be's `commonWords`): prefix each language.
    const prefixed = (p: string, d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`${p}:${k}`, v]));
    const factory = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...prefixed('nl', nl.dictionary), ...prefixed('fr', fr.dictionary), ...prefixed('en', en.dictionary), platform: PLATFORM_WORDS },
      graphs: common.adjacencyGraphs,
    } as ConstructorParameters<typeof ZxcvbnFactory>[0]);
    estimator = (password, inputs) => factory.check(password, inputs);
  }
  return estimator;
}

/** The shared rule (libs/domain password-policy) with the server's estimator. */
export function checkPassword(password: string, personal: string[] = []): PasswordVerdict {
  return passwordVerdict(password, personal, zxcvbn());
}
