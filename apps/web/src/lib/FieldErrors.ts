/** Translated error text per form field name; a field with no entry is valid. */
export type FieldErrors = Partial<Record<string, string>>;
