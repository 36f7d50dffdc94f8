// Leaderboards: ranks with ties sharing a rank (1, 2, 2, 4).
import type { GameState } from './types.js';
import { playerOf } from './players.js';

export interface Standing {
  playerId: string;
  name: string;
  teamId: string | null;
  score: number;
  rank: number;
  bot: boolean;
}

export interface TeamStanding {
  teamId: string;
  name: string;
  score: number;
  rank: number;
  members: Array<{ playerId: string; name: string; score: number }>;
}

function rankBy<T extends { score: number }>(
  items: T[],
  tieBreak: (a: T, b: T) => number,
): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.score - a.score || tieBreak(a, b));
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.score !== sorted[i - 1]!.score) rank = i + 1;
    // Object.assign, not `{ ...item, rank }`: Node 20's V8 makes a hidden class per object for a spread followed by
    // a new key (one per player per sort; docs/BENCHMARKS.md, "Hidden classes").
    return Object.assign({}, item, { rank });
  });
}

// A leaderboard depends only on the players table (scores, names, teams, removals; a join changes it too), and
// answers do not change that table: one sort per change of it, not one per view (a 2,000-player room builds a
// view for the players and one for the host at every phase change). Callers must not mutate the result.
const boardCache = new WeakMap<object, Standing[]>();

export function leaderboard(state: GameState): readonly Standing[] {
  const cached = boardCache.get(state.players);
  if (cached) return cached;
  const board = sortedBoard(state);
  boardCache.set(state.players, board);
  return board;
}

/**
 * The seated players by score, ties in seating order, ranked. Built in seating order and sorted stably
 * (Array.prototype.sort is stable), so ties need no lookup of each one's seat; one row per player, ranked in place
 * (4,100 players: one array and 4,100 rows, where a map of seats, three arrays and a copy of each row were made).
 */
function sortedBoard(state: GameState): Standing[] {
  const rows: Standing[] = [];
  for (const id of state.playerOrder) {
    const p = playerOf(state, id)!;
    if (!p.removed)
      rows.push({ playerId: p.id, name: p.name, teamId: p.teamId, score: p.score, rank: 0, bot: p.bot !== null });
  }
  rows.sort((a, b) => b.score - a.score);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const above = rows[i - 1];
    row.rank = above !== undefined && above.score === row.score ? above.rank : i + 1;
  }
  return rows;
}

/**
 * A player's rank: one more than the players (seated, not removed) with a strictly higher score, so ties share one
 * (1, 2, 2, 4); 0 for a removed or unknown player. Before the start nobody has scored: everyone is first, without a
 * sort. `board`: a leaderboard to read the scores from instead of this state's, which the caller may keep while no
 * score moved and no one left (an earlier state's: a joiner missing from it is ranked by its score all the same). A
 * binary search: O(log N) per player, no sort, no walk.
 */
export function rankOf(state: GameState, playerId: string, board?: () => readonly Standing[]): number {
  const p = playerOf(state, playerId);
  if (!p || p.removed) return 0;
  if (state.phase === 'lobby') return 1;
  const rows = board ? board() : leaderboard(state);
  // The first row with a score not above the player's: every row before it is ahead.
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]!.score > p.score) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Team score = the sum of its members' scores; each member's part is listed. */
export function teamLeaderboard(state: GameState): TeamStanding[] {
  const teams = Object.values(state.teams).map((t) => {
    const members = state.playerOrder
      .map((id) => playerOf(state, id)!)
      .filter((p) => p.teamId === t.id && !p.removed)
      .map((p) => ({ playerId: p.id, name: p.name, score: p.score }));
    return { teamId: t.id, name: t.name, score: members.reduce((s, m) => s + m.score, 0), members };
  });
  return rankBy(teams, (a, b) => a.teamId.localeCompare(b.teamId));
}
