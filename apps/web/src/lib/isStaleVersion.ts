import { isApiError } from './isApiError';

/** A 409 `STALE_VERSION`: someone else saved the record after we read it (api.md "Error codes"). */
export function isStaleVersion(error: unknown): boolean {
  return isApiError(error, 409) && error.body.code === 'STALE_VERSION';
}
