/**
 * Where a page of a list ended, handed to the client and back: the sort key and id of the last row
 * given (the next page starts after it, so rows added meanwhile neither repeat nor shift the list).
 */
export interface Cursor { key: string; id: number }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');
}

/** A cursor this server gave, or null for anything else (a bad cursor starts the list over). */
export function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as [unknown, unknown];
    return typeof key === 'string' && Number.isInteger(id) ? { key, id: id as number } : null;
  } catch {
    return null;
  }
}

