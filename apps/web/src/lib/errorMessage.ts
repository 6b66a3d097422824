import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { errorMessageKey } from './errorMessageKey';
import { isApiError } from './isApiError';

/**
 * A translated sentence for an API error: the specific one for a known 409/422 `code`
 * (api.md "Error codes"), else a generic one for the status. The API's English `message` is
 * not shown: codes, not prose, cross the boundary.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error) && typeof error.body.code === 'string') {
    const key = `errorCodes.${error.body.code}`;
    if (i18n.exists(key)) return t(key as never) as string;
  }
  return t(errorMessageKey(error));
}
