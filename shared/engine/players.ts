// Reading a game state's players (kept in a bucketed table, see table.ts).
import { getIn } from './table.js';
import type { GameState, Player } from './types.js';

export function playerOf(state: Pick<GameState, 'players'>, id: string): Player | undefined {
  return getIn(state.players, id);
}
