import { BadRequestException } from '@nestjs/common';
import { clampLimit } from '@schakel/domain';

/** Opaque keyset cursor: the sort key and id of the last row of the previous page. */
export interface CursorKey {
  k: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const MAX_BIGINT = 9223372036854775807n;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorKey;
    if (typeof parsed.k !== 'string' || typeof parsed.id !== 'string') throw new Error('shape');
    // Ids are UUIDs or bigint sequence numbers; anything else would only fail later, in SQL.
    if (!UUID.test(parsed.id) && !(/^\d{1,19}$/.test(parsed.id) && BigInt(parsed.id) <= MAX_BIGINT)) throw new Error('id');
    // Sort keys are timestamps this API wrote with toISOString(), or empty.
    if (parsed.k !== '' && !(ISO_INSTANT.test(parsed.k) && !Number.isNaN(Date.parse(parsed.k)))) throw new Error('key');
    return parsed;
  } catch {
    throw new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: 'Invalid cursor',
      details: [{ field: 'cursor', message: 'cursor is not one this API issued' }],
    });
  }
}

/** Builds `{ items, nextCursor }` from `limit + 1` fetched rows. */
export function toPage<T, R>(rows: T[], limit: number, key: (row: T) => CursorKey, map: (row: T) => R): { items: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(key(pageRows[pageRows.length - 1]!)) : null,
  };
}

/** The preamble of every list query: the page size (libs/domain's default and bounds) and the decoded cursor. */
export function pageRequest(q: { limit?: number; cursor?: string }): { limit: number; cursor: CursorKey | null } {
  return { limit: clampLimit(q.limit), cursor: decodeCursor(q.cursor) };
}
