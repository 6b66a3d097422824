import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrorList } from '../lib/apiFieldErrors';
import { errorMessage } from '../lib/errorMessage';
import type { FieldErrors } from '../lib/FieldErrors';
import { isApiError } from '../lib/isApiError';

interface FormErrorOptions {
  /** The form's field names: `details[]` entries for them are shown at the field. */
  fields: readonly string[];
  /** A 409/422 `code` that is about one field (e.g. `EMAIL_TAKEN` → `email`). */
  codeFields?: Readonly<Record<string, string>>;
  /** Errors the page deals with itself (e.g. a stale version), not shown by the form. */
  handled?: (error: unknown) => boolean;
}

/**
 * The form field a server `details[]` name belongs to: the field itself when the form has it
 * (`persons.0.lastName`), else the nearest enclosing one (`roles.0` → `roles`).
 */
function owningField(field: string, fields: readonly string[]): string | undefined {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.includes(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Merges a form's own validation errors with the server's answer; whatever is not about a field
 * of the form becomes the form-level message.
 */
export function useFormErrors(
  clientErrors: FieldErrors,
  serverError: unknown,
  { fields, codeFields, handled }: FormErrorOptions,
): { errors: FieldErrors; formError: string | null } {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!serverError || handled?.(serverError)) return { errors: clientErrors, formError: null };
    const errors: FieldErrors = { ...clientErrors };
    const codeField = isApiError(serverError) && serverError.body.code ? codeFields?.[serverError.body.code] : undefined;
    if (codeField) return { errors: { ...errors, [codeField]: errorMessage(serverError, t) }, formError: null };
    const details = apiFieldErrorList(serverError);
    const server: FieldErrors = {};
    const other: string[] = [];
    for (const { field, message } of details) {
      const name = owningField(field, fields);
      if (!name) other.push(message);
      else server[name] = server[name] ? `${server[name]} ${message}` : message;
    }
    for (const [name, message] of Object.entries(server)) errors[name] = message;
    if (other.length) return { errors, formError: other.join(' ') };
    return { errors, formError: details.length ? null : errorMessage(serverError, t) };
  }, [clientErrors, serverError, fields, codeFields, handled, t]);
}
