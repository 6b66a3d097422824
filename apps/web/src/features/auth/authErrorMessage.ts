import type { TFunction } from 'i18next';
import { errorMessageKey } from '../../lib/errorMessageKey';
import { isApiError } from '../../lib/isApiError';

/**
 * The message for a failed login step. A 401 never says whether the account exists, the password
 * was wrong or the account is locked: one generic sentence for all of them.
 */
export function authErrorMessage(error: unknown, step: 'password' | 'mfa', t: TFunction): string {
  if (isApiError(error, 401)) return step === 'password' ? t('auth.errors.invalidCredentials') : t('auth.errors.invalidCode');
  if (isApiError(error, 429)) {
    return error.retryAfter ? t('auth.errors.tooManyAttemptsWait', { count: Math.ceil(error.retryAfter / 60) }) : t('auth.errors.tooManyAttempts');
  }
  return t(errorMessageKey(error));
}
