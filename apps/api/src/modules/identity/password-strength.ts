import { UnprocessableEntityException } from '@nestjs/common';
import { checkPassword } from './password-estimator';

/**
 * The shared password rule (libs/domain password-policy) as the API's answer: 422 WEAK_PASSWORD
 * naming the field, with zxcvbn's score and feedback keys. Checked before any transaction opens:
 * the estimate costs CPU, not locks.
 */
export async function requireStrongPassword(field: string, password: string | undefined, personal: (string | undefined)[]): Promise<void> {
  if (password === undefined || password === '') return;
  const verdict = checkPassword(
    password,
    personal.filter((p): p is string => Boolean(p)),
  );
  if (verdict.ok) return;
  throw new UnprocessableEntityException({
    code: 'WEAK_PASSWORD',
    message: `${field} is too easy to guess: use a longer passphrase of unrelated words`,
    details: [{ field, message: `${field} is too easy to guess (strength ${verdict.score} of 4, at least 3 needed)` }],
    score: verdict.score,
    warning: verdict.warning,
    suggestions: verdict.suggestions,
  });
}
