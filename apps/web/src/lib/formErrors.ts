import type { TFunction } from 'i18next';
import type { FieldErrors as RhfErrors, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { apiFieldErrorList } from './apiFieldErrors';
import type { FieldErrors } from './FieldErrors';

/**
 * react-hook-form errors as the flat, translated map our field components show. Schema messages are
 * i18n keys (`validation.required`); server messages (type `server`) are shown as the API wrote them.
 * `params` gives a key its values (`{ min: 12 }` for `validation.passwordLength`).
 */
export function rhfFieldErrors(errors: RhfErrors, t: TFunction, params: Record<string, Record<string, unknown>> = {}, prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, value] of Object.entries(errors)) {
    if (!value) continue;
    // A field array's own error (too many persons) sits at its `root`: shown at the array.
    const path = prefix ? (name === 'root' ? prefix : `${prefix}.${name}`) : name;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string' && message) {
      out[path] = (value as { type?: string }).type === 'server' ? message : String(t(message as never, (params[path] ?? params[name] ?? {}) as never));
    } else if (typeof value === 'object') {
      Object.assign(out, rhfFieldErrors(value as RhfErrors, t, params, path));
    }
  }
  return out;
}

/** A 400's `details[]` put on the form's fields; returns false when the error named no field of the form. */
export function setServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  let placed = false;
  for (const { field, message } of apiFieldErrorList(error)) {
    const match = fields.find((f) => field === f || field.startsWith(`${f}.`));
    if (!match) continue;
    setError(field as Path<T>, { type: 'server', message });
    placed = true;
  }
  return placed;
}
