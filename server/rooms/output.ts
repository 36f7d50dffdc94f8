// What a room's authority needs from the transport: it knows nothing of sockets (tests can plug a fake).
import type { ServerToClientEvents } from '../../shared/protocol/index.js';
import type { CloseCode } from '../../shared/protocol/index.js';

type Ev = keyof ServerToClientEvents;
type Arg<E extends Ev> = Parameters<ServerToClientEvents[E]>[0];

export interface RoomOutput {
  /** Everyone in the room (one broadcast, encoded once). */
  toRoom<E extends Ev>(event: E, payload: Arg<E>): void;
  toHosts<E extends Ev>(event: E, payload: Arg<E>): void;
  toPlayer<E extends Ev>(playerId: string, event: E, payload: Arg<E>): void;
  /** Everyone in one team (team mode). */
  toTeam<E extends Ev>(teamId: string, event: E, payload: Arg<E>): void;
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
