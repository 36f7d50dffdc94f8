// What a room's authority needs from the transport: it knows nothing of sockets (tests can plug a fake).
import type { ServerToClientEvents } from '../../shared/protocol/index.js';
import type { CloseCode } from '../../shared/protocol/index.js';
import type { Lang } from '../../shared/engine/types.js';

type Ev = keyof ServerToClientEvents;
type Arg<E extends Ev> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Which devices of the room (or team) a per-language broadcast is for: absent, all of them; null, all but those
 * reading another of the pack's languages (the room's own language); a language, only those reading it.
 */
export type ViewLang = Lang | null | undefined;

export interface RoomOutput {
  /** Everyone in the room (one broadcast, encoded once), or those reading one language (ViewLang). */
  toRoom<E extends Ev>(event: E, payload: Arg<E>, lang?: ViewLang): void;
  toHosts<E extends Ev>(event: E, payload: Arg<E>): void;
  toPlayer<E extends Ev>(playerId: string, event: E, payload: Arg<E>): void;
  /** Everyone in one team (team mode), or those of them reading one language (ViewLang). */
  toTeam<E extends Ev>(teamId: string, event: E, payload: Arg<E>, lang?: ViewLang): void;
  /** A player's team changed: its sockets move to that team's broadcast group. */
  setTeam(playerId: string, teamId: string | null): void;
  /** Ends every session of one player (kicked) or of the whole room. */
  closePlayer(playerId: string, code: CloseCode, message: string): void;
}

export const NO_OUTPUT: RoomOutput = {
  toRoom: () => {},
  toHosts: () => {},
  toPlayer: () => {},
  toTeam: () => {},
  setTeam: () => {},
  closePlayer: () => {},
};
