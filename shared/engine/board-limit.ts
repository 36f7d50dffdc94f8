// How much of the leaderboard the room sees, by the host's leaderboard option: the one rule that the engine's
// views (view.ts) and the projector (client/src/views/host-view.ts) both follow. No imports but a type: the
// client bundles it without the engine.
import type { LeaderboardMode } from './types.js';

/** How many rows of the leaderboard the room is shown: between rounds (`atEnd` false) and at the podium. */
export function visibleTopFor(mode: LeaderboardMode, atEnd: boolean): number {
  switch (mode) {
    case 'top3':
      return 3;
    case 'top5':
      return 5;
    case 'top10':
      return 10;
    case 'end':
      return atEnd ? 10 : 0;
    case 'never':
      return atEnd ? 3 : 0;
  }
}
