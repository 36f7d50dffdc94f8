// Who may take a seat, under which name, in which team: the game's one join rule. The reducer's `join` applies it;
// the authority (server/rooms/room.ts) asks it too before its own capacity check, so a refusal has one code
// wherever it comes from. Each check is O(1) in the room's size (names through the state's name index, teams through
// its team sizes): a room of thousands seats a player without walking them.
import { getIn } from './table.js';
import { playerOf } from './players.js';
import type { ErrorCode, GameState } from './types.js';
import { nicknameKeys } from '../protocol/nickname.js';

export interface Refusal {
  code: ErrorCode;
  message: string;
}

/**
 * Why a player named `name` (a nickname as shared/protocol/nickname.ts leaves it) may not join now, or null.
 * In order: a name that is (or looks like, case aside) a removed player's is banned for the room, a seated
 * player's is taken; after the start, a game without late join (and a solo game) takes no one; a locked lobby
 * takes no one.
 */
export function joinRefusal(
  state: GameState,
  name: string,
  keys: readonly string[] = nicknameKeys(name),
): Refusal | null {
  let taken = false;
  for (const key of keys) {
    const holder = getIn(state.nameIndex, key);
    const p = holder === undefined ? undefined : playerOf(state, holder);
    if (p?.removed) return { code: 'name/banned', message: 'This name was removed from the room.' };
    if (p) taken = true;
  }
  if (taken) return { code: 'name/taken', message: 'Someone in this room already has this name.' };
  if (state.phase !== 'lobby' && (!state.config.lateJoin || state.config.mode === 'solo')) {
    return {
      code: 'room/started',
      message: 'This game has already started and the host does not let players join late.',
    };
  }
  if (state.lobbyLocked) return { code: 'lobby/locked', message: 'The host has locked the lobby.' };
  return null;
}

/** The team a joiner who names none goes to (team mode; null otherwise): the smallest, ties to the first. O(teams). */
export function balancedTeam(state: GameState): string | null {
  if (state.config.mode !== 'team') return null;
  let best: string | null = null;
  let min = Infinity;
  for (const teamId of Object.keys(state.teams)) {
    const n = state.teamSizes[teamId] ?? 0;
    if (n < min) [best, min] = [teamId, n];
  }
  return best;
}
