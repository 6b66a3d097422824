import { z } from 'zod/mini';

// Building blocks of the response contracts. Every response object is strict: a field the API
// sends but the contract does not name is a disagreement (the contracts test refuses it), and the
// OpenAPI schema says `additionalProperties: false`.

export const uuid = () => z.guid();
/** An instant, as `Date.prototype.toISOString()` writes it. */
export const timestamp = () => z.iso.datetime();
/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = () => z.iso.date();
export const int = () => z.number().check(z.int());
export const localized = () => z.strictObject({ nl: z.string(), fr: z.string(), en: z.string() });
export const nullable = z.nullable;
export const optional = z.optional;

/** A page of a cursor-paginated list (see `Page<T>`). */
export const pageOf = <T extends z.core.$ZodType>(item: T) => z.strictObject({ items: z.array(item), nextCursor: z.nullable(z.string()) });
/** `{ items }` without a cursor: a short list answered whole. */
export const listOf = <T extends z.core.$ZodType>(item: T) => z.strictObject({ items: z.array(item) });
