import type { TFunction } from 'i18next';
import type { z } from 'zod/mini';
import type { FieldErrors } from './FieldErrors';

/**
 * Client-side validation errors per field. Schemas carry i18n keys (`validation.required`) as
 * their messages, so the same schema serves every language; a length rule's bound is passed
 * to the text as `{{min}}`.
 */
export function zodFieldErrors(error: z.core.$ZodError, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    if (errors[name]) continue;
    const min = issue.code === 'too_small' ? Number(issue.minimum) : undefined;
    errors[name] = t(issue.message as never, { min }) as string;
  }
  return errors;
}
