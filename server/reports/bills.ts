// Race bills in a stored game: FinishedGame.bills (games.bills, migration 002), in race order.
import type { RaceBill } from '../../shared/protocol/index.js';
import type { FinishedGame } from '../storage/types.js';

/** The bills a stored game carries (none when no race was billed). */
export function billsOf(game: Pick<FinishedGame, 'bills'>): RaceBill[] {
  return game.bills ?? [];
}
