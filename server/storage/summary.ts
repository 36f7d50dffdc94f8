// Derived columns stored with a finished game so the host's game list needs no join.
import type { FinishedGame } from './types.js';

export function topPlayerName(game: Pick<FinishedGame, 'players'>): string | null {
  let top: FinishedGame['players'][number] | null = null;
  for (const player of game.players) if (top === null || player.rank < top.rank) top = player;
  return top?.name ?? null;
}

export const DEFAULT_LIST_LIMIT = 50;

export function clampLimit(limit: number | undefined, fallback: number): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.max(0, Math.min(1000, Math.floor(limit)));
}
