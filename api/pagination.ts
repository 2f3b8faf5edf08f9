import { z } from '@hono/zod-openapi';
import { isIsoInstant } from './schemas.ts';

/** Opaque keyset cursor: the sort key (created_at, id) of the last item returned. */
export interface Cursor {
  createdAt: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/**
 * A cursor is decoded and checked whole before it reaches a query: exactly [ISO instant, UUID], as
 * encodeCursor writes it. A forged one (a quote in the id, year 99999, a NUL) is a 400 naming
 * `query.cursor`, never a database error.
 */
function decodeCursor(value: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(value)) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      isIsoInstant(parsed[0]) &&
      UUID.test(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // not JSON: refused below
  }
  return null;
}

/** The one schema for `cursor` query parameters; yields the decoded Cursor. */
export const cursorQuery = z.string().transform((value, ctx): Cursor => {
  const cursor = decodeCursor(value);
  if (cursor) return cursor;
  ctx.addIssue({
    code: 'custom',
    message: `"${value.slice(0, 40)}" is not a cursor this API issued; pass next_cursor from the previous page`,
  });
  return z.NEVER;
});
