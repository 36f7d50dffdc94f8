// The room's scores, highest first, as one short string in the shared view: each phone counts its own rank from
// the one broadcast (a rank is one more than the players with a higher score), so no phone needs a private message
// when the scores move at a question's close (issue 17). Names and ids are not in it: only how many scored what.
//
// Format: comma-separated steps down the board. The first step is the top score; each next one is how far below
// the step before it the next score is. A step is written in base 36, with `*count` (base 36) when more than one
// player has that score. Scores are whole points (quiz points are rounded, race points too), so 4,100 players fit
// in about 10 KB at the end of a game and much less after the first questions (many share a score).
import { leaderboard } from './standings.js';
import type { GameState, Phase } from './types.js';

/** The phases whose views carry the ladder: those that show the results of scores that just moved. */
const LADDER_PHASES: ReadonlySet<Phase> = new Set<Phase>(['reveal', 'leaderboard', 'race-result', 'podium']);

const cache = new WeakMap<object, string>();

/** The state's ladder in a phase that shows standings (cached per players table); null in the others. */
export function ladderOf(state: GameState): string | null {
  if (!LADDER_PHASES.has(state.phase)) return null;
  const cached = cache.get(state.players);
  if (cached !== undefined) return cached;
  const ladder = encodeLadder(leaderboard(state).map((row) => row.score));
  cache.set(state.players, ladder);
  return ladder;
}

/** Scores sorted highest first, as the ladder string. */
export function encodeLadder(scores: readonly number[]): string {
  const steps: string[] = [];
  let i = 0;
  let previous = 0;
  while (i < scores.length) {
    const score = Math.round(scores[i]!);
    let count = 1;
    while (i + count < scores.length && Math.round(scores[i + count]!) === score) count++;
    const step = (steps.length === 0 ? score : previous - score).toString(36);
    steps.push(count > 1 ? `${step}*${count.toString(36)}` : step);
    previous = score;
    i += count;
  }
  return steps.join(',');
}

/** The rank of a score on a ladder: one more than the players above it (ties share a rank). O(steps above it). */
export function rankOnLadder(ladder: string, score: number): number {
  if (ladder === '') return 1;
  let above = 0;
  let current = 0;
  let first = true;
  for (const step of ladder.split(',')) {
    const [gap = '0', count = '1'] = step.split('*');
    current = first ? parseInt(gap, 36) : current - parseInt(gap, 36);
    first = false;
    if (current <= score) break;
    above += parseInt(count, 36);
  }
  return above + 1;
}
