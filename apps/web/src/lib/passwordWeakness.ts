import { passwordVerdict, PLATFORM_WORDS, type PasswordEstimator } from '@schakel/domain';

let estimator: Promise<PasswordEstimator> | null = null;

/** zxcvbn-ts and its dictionaries (~3 MB) as a lazily loaded chunk: only forms that set a password pay for it. */
function loadEstimator(): Promise<PasswordEstimator> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-nl-be'),
    import('@zxcvbn-ts/language-fr'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([{ ZxcvbnFactory }, common, nl, fr, en]) => {
    // Same options as the API (apps/api/src/modules/identity/password-estimator.ts).
    const prefixed = (p: string, d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`${p}:${k}`, v]));
    const factory = new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        ...prefixed('nl', nl.dictionary),
        ...prefixed('fr', fr.dictionary),
        ...prefixed('en', en.dictionary),
        platform: PLATFORM_WORDS,
      },
      graphs: common.adjacencyGraphs,
    } as ConstructorParameters<typeof ZxcvbnFactory>[0]);
    return (password: string, inputs: string[]) => factory.check(password, inputs);
  });
  return estimator;
}

/**
 * The API's password rule (libs/domain password-policy), run in the browser before submitting so a
 * weak password is refused at the field without a round trip. Returns the i18n key of the problem,
 * or null.
 */
export async function passwordWeakness(password: string, personal: string[]): Promise<'passwordPolicy.weak' | null> {
  if (!password) return null;
  try {
    const verdict = passwordVerdict(password, personal, await loadEstimator());
    return verdict.reason === 'TOO_WEAK' ? 'passwordPolicy.weak' : null;
  } catch {
    // The dictionaries failed to load (offline): the API still checks.
    return null;
  }
}
