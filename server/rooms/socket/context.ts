// What every handler module shares: the socket's session and room, seating a socket as host or player, the
// per-address budgets on making rooms. Built once, shared by every socket.
import { playerOf } from '../../../shared/engine/index.js';
import type { Lang } from '../../../shared/engine/types.js';
import type { RoomManager } from '../manager.js';
import { fail, type Command, type Room } from '../room.js';
import type { SocketOptions } from '../sockets.js';
import {
  hostGroup,
  joinLang,
  langOf,
  leaveSession,
  playerGroup,
  replaceSeat,
  roomGroup,
  teamGroup,
  type EventName,
  type IoServer,
  type IoSocket,
  type Parsed,
  type Reply,
  type Session,
} from './groups.js';

/** One event's handler: its socket and its parsed payload in, its reply out. */
export type Handlers = { [E in EventName]: (socket: IoSocket, payload: Parsed<E>) => Reply | Promise<Reply> };

export interface HandlerContext {
  io: IoServer;
  manager: RoomManager;
  opts: SocketOptions;
  /** The socket's session and room, or the refusal. */
  sessionRoom(socket: IoSocket): { room: Room; session: Session } | Reply;
  /** The socket's room and player, or the refusal (a host is refused). */
  asPlayer(socket: IoSocket): { room: Room; playerId: string } | Reply;
  /** Acts a player's command in its room. */
  playerAct(socket: IoSocket, make: (playerId: string) => Command): Reply;
  attachHost(socket: IoSocket, room: Room): void;
  attachPlayer(socket: IoSocket, room: Room, playerId: string, lang?: Lang): void;
  /** Spends a point of the socket's client address's budget: null, or the refusal (no state changed). */
  overLimit(socket: IoSocket, kind: 'rooms' | 'solo'): Promise<Reply | null>;
}

export function createContext(
  io: IoServer,
  manager: RoomManager,
  opts: SocketOptions,
  ping: (socket: IoSocket) => void,
): HandlerContext {
  const sessionRoom = (socket: IoSocket): { room: Room; session: Session } | Reply => {
    const session = socket.data.session;
    if (!session) return fail('auth/not-joined', 'Join a room first.');
    const room = manager.get(session.code);
    if (!room) return fail('room/unknown', 'This room no longer exists.');
    // After a takeover the room learns a device's language from the groups its socket is in (a stand-in has them).
    if (session.role === 'player') room.notePlayerLang(session.playerId, langOf(socket, room.code));
    return { room, session };
  };
  const asPlayer = (socket: IoSocket): { room: Room; playerId: string } | Reply => {
    const found = sessionRoom(socket);
    if ('ok' in found) return found;
    if (found.session.role !== 'player') return fail('auth/not-joined', 'Only a player may do this.');
    return { room: found.room, playerId: found.session.playerId };
  };
  const playerAct = (socket: IoSocket, make: (playerId: string) => Command): Reply => {
    const found = asPlayer(socket);
    if ('ok' in found) return found;
    return found.room.act(make(found.playerId));
  };

  const attachHost = (socket: IoSocket, room: Room) => {
    leaveSession(socket);
    socket.data.session = { role: 'host', code: room.code };
    void socket.join([roomGroup(room.code), hostGroup(room.code)]);
  };
  const attachPlayer = (socket: IoSocket, room: Room, playerId: string, lang?: Lang) => {
    leaveSession(socket);
    // One device per seat: an older socket on this seat is told and let go.
    replaceSeat(io, room.code, playerId, socket.id);
    socket.data.session = { role: 'player', code: room.code, playerId };
    const teamId = playerOf(room.state, playerId)?.teamId ?? null;
    void socket.join(
      teamId
        ? [roomGroup(room.code), playerGroup(room.code, playerId), teamGroup(room.code, teamId)]
        : [roomGroup(room.code), playerGroup(room.code, playerId)],
    );
    // The device's own language, when the pack has it: its views (the ack's first) come in it.
    joinLang(socket, room.code, teamId, room.setPlayerLang(playerId, lang));
    // The ack carries the view: an open question goes out to this player now (if it had not before).
    room.noteQuestionSent(playerId);
    ping(socket);
  };
  const overLimit = creationBudgets(opts);
  return { io, manager, opts, sessionRoom, asPlayer, playerAct, attachHost, attachPlayer, overLimit };
}

/** The per-address budgets on making rooms and solo runs (SocketOptions.creation). */
function creationBudgets(opts: SocketOptions): HandlerContext['overLimit'] {
  /** Spends a point of the socket's client address's budget: null, or the refusal (no state changed). */
  return async (socket: IoSocket, kind: 'rooms' | 'solo'): Promise<Reply | null> => {
    const creation = opts.creation;
    if (!creation) return null;
    // The socket is always a real one here: making a room or a solo run belongs to no room yet, so it is never
    // routed to another process (server/cluster); TRUST_PROXY's rule reads its handshake request.
    const message = await creation[kind].refusal(creation.addressOf(socket.request));
    return message === null ? null : fail('rate/limited', message);
  };
}
