// The host's search among the players of a large room (the lobby's "remove", issue 17): by any part of the name,
// case and width folded (NFKC, lower case), so "bo", "BO" and "ｂｏ" find "Bot 12" and "보" finds "보람".

/** How a name and a query are compared. */
const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase().trim();

/**
 * The players whose name contains `query`: names that start with it first, then the others, each in the view's
 * order; at most `limit` of them, with the number that matched.
 */
export function findPlayers<P extends { name: string }>(
  players: readonly P[],
  query: string,
  limit: number,
): { rows: P[]; total: number } {
  const q = fold(query);
  if (!q) return { rows: [], total: 0 };
  const starts: P[] = [];
  const inside: P[] = [];
  for (const p of players) {
    const at = fold(p.name).indexOf(q);
    if (at === 0) starts.push(p);
    else if (at > 0) inside.push(p);
  }
  return { rows: [...starts, ...inside].slice(0, limit), total: starts.length + inside.length };
}
