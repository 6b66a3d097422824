import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFieldErrors } from '../lib/apiFieldErrors';
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
    const server = apiFieldErrors(serverError);
    const other: string[] = [];
    for (const [field, message] of Object.entries(server)) {
      if (!message) continue;
      if (fields.includes(field)) errors[field] = message;
      else other.push(message);
    }
    if (other.length) return { errors, formError: other.join(' ') };
    return { errors, formError: Object.keys(server).length ? null : errorMessage(serverError, t) };
  }, [clientErrors, serverError, fields, codeFields, handled, t]);
}
