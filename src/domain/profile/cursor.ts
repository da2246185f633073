/** Where a leaderboard page ends: the score in tenths and the slug of its last row. */
export interface RankCursor {
  tenths: number;
  slug: string;
}

/** An opaque cursor for a leaderboard position. */
export function encodeRankCursor(cursor: RankCursor): string {
  return Buffer.from(JSON.stringify([cursor.tenths, cursor.slug]), 'utf8').toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeRankCursor(text: string): RankCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && typeof value[1] === 'string') {
      return { tenths: value[0] as number, slug: value[1] };
    }
  } catch {
    // fall through: not a cursor this API issued
  }
  return null;
}
