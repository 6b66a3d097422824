import type { FieldErrors } from './FieldErrors';
import { isApiError } from './isApiError';

/** A `details[]` field name in dotted form: `incident[date]` → `incident.date`, `persons[0].lastName` → `persons.0.lastName`. */
export function dottedField(field: string): string {
  return String(field)
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^\./, '');
}

/** The `details[]` of a 400, one entry per offending field, with dotted field names. */
export function apiFieldErrorList(error: unknown): { field: string; message: string }[] {
  if (!isApiError(error, 400) || !Array.isArray(error.body.details)) return [];
  return error.body.details.map(({ field, message }) => ({ field: dottedField(String(field)), message: String(message) }));
}

/**
 * The `details[]` of a 400 as errors per form field. A nested field (`roles.0`, `incident[date]`)
 * is reported at its top-level field, because that is where a flat form shows it. Forms with
 * nested fields (persons.0.lastName) go through useFormErrors, which matches the longest name.
 */
export function apiFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const { field, message } of apiFieldErrorList(error)) {
    const name = field.split('.')[0] ?? field;
    errors[name] = errors[name] ? `${errors[name]} ${message}` : message;
  }
  return errors;
}
