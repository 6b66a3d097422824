import { ApiError } from '../api/client';

/** True when `error` is an API answer with `status` (any 4xx/5xx when no status is given). */
export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
