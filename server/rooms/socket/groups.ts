// The Socket.IO side of a session: the socket types, the broadcast groups a socket is in, and leaving them.
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  C2S_SCHEMAS,
  CLOSE_CODES,
  type ClientToServerEvents,
  type CloseCode,
  type RoomInfo,
  type ServerToClientEvents,
} from '../../../shared/protocol/index.js';
import type { Lang } from '../../../shared/engine/types.js';
import type { TokenBucket } from '../../security/rate-limit.js';
import type { Outcome, Room } from '../room.js';

export type Session = { role: 'host'; code: string } | { role: 'player'; code: string; playerId: string };
export interface SocketData {
  session: Session | null;
  bucket: TokenBucket;
  /** Smoothed round trip (ms) from the server's `time:ping` and engine.io's heartbeats (./ping.ts); null before any. */
  rtt: number | null;
  /** Server clock of the `time:ping` waiting for its pong (one at a time), or null. */
  pingAt: number | null;
  /** Server clock of engine.io's heartbeat ping waiting for its pong, or null. */
  heartbeatAt: number | null;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type EventName = keyof typeof C2S_SCHEMAS;
export type Parsed<E extends EventName> = z.output<(typeof C2S_SCHEMAS)[E]>;
export type Reply = Outcome<object>;

/** A client event this server declares (the others are answered input/invalid, never handled). */
export const isEventName = (event: unknown): event is EventName =>
  typeof event === 'string' && Object.hasOwn(C2S_SCHEMAS, event);

export const roomGroup = (code: string) => `r:${code}`;
export const hostGroup = (code: string) => `h:${code}`;
export const playerGroup = (code: string, playerId: string) => `p:${code}:${playerId}`;
export const teamGroup = (code: string, teamId: string) => `t:${code}:${teamId}`;
/**
 * Devices that read another of the pack's languages than the room's (server/rooms/room.ts setPlayerLang): the
 * room's, and their team's, broadcast in that language goes to these groups, the room's own to every other member.
 */
export const langGroup = (code: string, lang: Lang) => `l:${code}:${lang}`;
export const teamLangGroup = (code: string, teamId: string, lang: Lang) => `t:${code}:${teamId}:${lang}`;

/** The language a socket reads in a room, from its groups (null: the room's own); a routed stand-in has them too. */
export function langOf(socket: IoSocket, code: string): Lang | null {
  const prefix = `l:${code}:`;
  for (const group of socket.rooms) if (group.startsWith(prefix)) return group.slice(prefix.length) as Lang;
  return null;
}

export function roomInfo(room: Room): RoomInfo {
  return {
    roomCode: room.code,
    mode: room.record.mode,
    packId: room.record.packId,
    packTitle: room.record.packTitle,
    joinPath: `/join/${room.code}`,
  };
}

export function joinTeam(socket: IoSocket, code: string, teamId: string | null): void {
  for (const group of socket.rooms) if (group.startsWith(`t:${code}:`)) void socket.leave(group);
  const lang = langOf(socket, code);
  if (teamId)
    void socket.join(lang ? [teamGroup(code, teamId), teamLangGroup(code, teamId, lang)] : teamGroup(code, teamId));
}

/** Moves a player's socket to the broadcast groups of the language it is served in (null: the room's own). */
export function joinLang(socket: IoSocket, code: string, teamId: string | null, lang: Lang | null): void {
  if (langOf(socket, code) === lang) return;
  for (const group of socket.rooms) if (group.startsWith(`l:${code}:`)) void socket.leave(group);
  if (lang) void socket.join(langGroup(code, lang));
  joinTeam(socket, code, teamId);
}

export function leaveSession(socket: IoSocket): void {
  for (const group of socket.rooms) if (group !== socket.id) void socket.leave(group);
  socket.data.session = null;
}

export function endSession(socket: IoSocket, code: CloseCode, message: string): void {
  socket.emit('session:closed', { code, message });
  leaveSession(socket);
}

// What a room's changes do to this process's own sockets of it, by room code: the room's owner does it for the
// sockets it holds, and, with several processes, every other process does it for its own (server/cluster).

/** This process's sockets in one broadcast group. */
export function socketsIn(io: IoServer, group: string): IoSocket[] {
  const ids = io.sockets.adapter.rooms.get(group);
  return ids ? [...ids].flatMap((id) => io.sockets.sockets.get(id) ?? []) : [];
}

/** A player's team changed: its sockets move to that team's broadcast groups. */
export function moveToTeam(io: IoServer, code: string, playerId: string, teamId: string | null): void {
  for (const socket of socketsIn(io, playerGroup(code, playerId))) joinTeam(socket, code, teamId);
}

/** Ends every session of one player (kicked), or of the whole room ('*'). */
export function closeSessions(io: IoServer, code: string, playerId: string, closeCode: CloseCode, message: string) {
  const group = playerId === '*' ? roomGroup(code) : playerGroup(code, playerId);
  for (const socket of socketsIn(io, group)) endSession(socket, closeCode, message);
}

/** One device per seat: the seat was taken up by socket `keepId`, every other socket on it is told and let go. */
export function replaceSeat(io: IoServer, code: string, playerId: string, keepId: string): void {
  for (const socket of socketsIn(io, playerGroup(code, playerId)))
    if (socket.id !== keepId) endSession(socket, CLOSE_CODES.replaced, 'This seat was taken up on another device.');
}
