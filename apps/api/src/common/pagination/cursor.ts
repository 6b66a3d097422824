import { BadRequestException } from '@nestjs/common';
import { clampLimit } from '@schakel/domain';

/** Opaque keyset cursor: the sort key and id of the last row of the previous page. */
export interface CursorKey { k: string; id: string }

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorKey;
    if (typeof parsed.k !== 'string' || typeof parsed.id !== 'string') throw new Error('shape');
    return parsed;
  } catch {
    throw new BadRequestException({ message: 'Invalid cursor', details: [{ field: 'cursor', message: 'cursor is not one this API issued' }] });
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
