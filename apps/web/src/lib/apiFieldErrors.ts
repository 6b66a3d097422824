import type { FieldErrors } from './FieldErrors';
import { isApiError } from './isApiError';

/**
 * The `details[]` of a 400 as errors per form field. A nested field (`roles.0`, `incident[date]`)
 * is reported at its top-level field, because that is where the form shows it.
 */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!isApiError(error, 400) || !Array.isArray(error.body.details)) return {};
  const errors: FieldErrors = {};
  for (const { field, message } of error.body.details) {
    const name = String(field).split(/[.[]/)[0] ?? String(field);
    errors[name] = errors[name] ? `${errors[name]} ${message}` : message;
  }
  return errors;
}
