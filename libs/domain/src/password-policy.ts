/**
 * The password rule shared by the API (422 WEAK_PASSWORD) and the SPA (the same verdict before
 * submitting): at least 12 characters and a zxcvbn strength score of at least 3, estimated with the
 * common-password list and the Dutch (Belgian), French and English dictionaries, plus the person's own
 * name and email and Schakel's vocabulary. The estimator itself (zxcvbn-ts and its large dictionaries)
 * is loaded by each side — lazily, a separate chunk in the SPA — and handed in: this library stays pure.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const PASSWORD_MIN_SCORE = 3;

/** Words any attacker of this platform tries first (a zxcvbn dictionary of its own). */
export const PLATFORM_WORDS = [
  'schakel',
  'casusoverleg',
  'intrafamiliaal',
  'geweld',
  'parket',
  'politie',
  'justitiehuis',
  'caw',
  'vlaanderen',
  'belgie',
  'belgique',
  'bruxelles',
  'brussel',
  'antwerpen',
  'gent',
  'liege',
  'luik',
];

/** What the estimator answers (zxcvbn's `check(password, userInputs)` result, narrowed). */
export interface PasswordEstimate {
  score: number;
  feedback: { warning: string | null; suggestions: string[] };
}
export type PasswordEstimator = (password: string, userInputs: string[]) => PasswordEstimate;

export interface PasswordVerdict {
  ok: boolean;
  /** 0–4 */
  score: number;
  /** Why it is refused, when it is. */
  reason?: 'TOO_SHORT' | 'TOO_LONG' | 'TOO_WEAK';
  /** zxcvbn's feedback keys (e.g. `commonPasswords`, `repeated`): each client words them. */
  warning: string | null;
  suggestions: string[];
}

/** The account's email, name… and their parts, as zxcvbn user inputs. */
export function personalInputs(personal: string[]): string[] {
  return personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((s) => s.length >= 3);
}

/** The verdict on a new password; `personal` holds the account's email, name and the like. */
export function passwordVerdict(password: string, personal: string[], estimate: PasswordEstimator): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, score: 0, reason: 'TOO_SHORT', warning: null, suggestions: [] };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, reason: 'TOO_LONG', warning: null, suggestions: [] };
  const result = estimate(password, personalInputs(personal));
  const ok = result.score >= PASSWORD_MIN_SCORE;
  return {
    ok,
    score: result.score,
    ...(ok ? {} : { reason: 'TOO_WEAK' as const }),
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
