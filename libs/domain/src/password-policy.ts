/**
 * The password rule shared by the API (422 WEAK_PASSWORD) and the SPA (the same verdict before
 * submitting): at least 12 characters and a zxcvbn strength score of at least 3, estimated with the
 * common-password list and the Dutch (Belgian), French and English dictionaries, plus the person's own
 * name and email and Schakel's vocabulary. The dictionaries are large, so they load on first use
 * (a separate chunk in the SPA).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const PASSWORD_MIN_SCORE = 3;

/** Words any attacker of this platform tries first. */
const PLATFORM_WORDS = ['schakel', 'casusoverleg', 'intrafamiliaal', 'geweld', 'parket', 'politie', 'justitiehuis', 'caw', 'vlaanderen', 'belgie', 'belgique', 'bruxelles', 'brussel', 'antwerpen', 'gent', 'liege', 'luik'];

export interface PasswordVerdict {
  ok: boolean;
  /** 0–4 */
  score: number;
  /** Why it is refused, when it is. */
  reason?: 'TOO_SHORT' | 'TOO_LONG' | 'TOO_WEAK';
  /** zxcvbn's feedback keys (e.g. `commonPasswords`, `repeated`): the SPA translates them. */
  warning: string | null;
  suggestions: string[];
}

interface Estimator { check(password: string, userInputs?: string[]): { score: number; feedback: { warning: string | null; suggestions: string[] } } }

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, nl, fr, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-nl-be'),
      import('@zxcvbn-ts/language-fr'),
      import('@zxcvbn-ts/language-en'),
    ]);
    // Dictionary names collide between languages (nl-be's `commonWords`): prefix each language.
    const prefixed = (p: string, d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).map(([k, v]) => [`${p}:${k}`, v]));
    return new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        ...prefixed('nl', nl.dictionary),
        ...prefixed('fr', fr.dictionary),
        ...prefixed('en', en.dictionary),
        platform: PLATFORM_WORDS,
      },
      graphs: common.adjacencyGraphs,
    } as ConstructorParameters<typeof ZxcvbnFactory>[0]) as unknown as Estimator;
  })();
  return estimator;
}

/** The verdict on a new password; `personal` holds the account's email, name and the like. */
export async function checkPassword(password: string, personal: string[] = []): Promise<PasswordVerdict> {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, score: 0, reason: 'TOO_SHORT', warning: null, suggestions: [] };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, reason: 'TOO_LONG', warning: null, suggestions: [] };
  const inputs = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3);
  const result = (await loadEstimator()).check(password, inputs);
  const ok = result.score >= PASSWORD_MIN_SCORE;
  return { ok, score: result.score, ...(ok ? {} : { reason: 'TOO_WEAK' as const }), warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
