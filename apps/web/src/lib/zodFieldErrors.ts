import type { TFunction } from 'i18next';
import type { z } from 'zod/mini';
import type { FieldErrors } from './FieldErrors';

/**
 * Client-side validation errors per field. Schemas carry i18n keys (`validation.required`) as
 * their messages, so the same schema serves every language; a length rule's bound is passed
 * to the text as `{{min}}`. Flat forms key errors by the top-level field; `nested` keys them by
 * the whole dotted path (`persons.0.lastName`), for forms with repeated or grouped fields.
 */
export function zodFieldErrors(error: z.core.$ZodError, t: TFunction, nested = false): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = nested ? issue.path.map(String).join('.') : String(issue.path[0] ?? '');
    if (errors[name]) continue;
    const min = issue.code === 'too_small' ? Number(issue.minimum) : undefined;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    errors[name] = t(issue.message as never, { min, max }) as string;
  }
  return errors;
}
