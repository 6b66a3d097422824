import { isApiError } from './isApiError';

/** The i18n key of a generic message for an error no form field can explain. */
export function errorMessageKey(error: unknown) {
  if (!isApiError(error)) return 'errors.network' as const;
  switch (error.status) {
    case 400:
      return 'errors.validation' as const;
    case 401:
      return 'errors.unauthorized' as const;
    case 403:
      return 'errors.forbidden' as const;
    case 404:
      return 'errors.notFound' as const;
    case 409:
      return 'errors.conflict' as const;
    case 422:
      return 'errors.refused' as const;
    case 429:
      return 'errors.rateLimited' as const;
    default:
      return 'errors.server' as const;
  }
}
