// The Socket.IO transport: validates every event against its schema, rate-limits each socket, binds a socket to
// one identity (host of a room, or one player) and turns events into engine actions stamped by the server.
import { Socket as SocketClass, type Server, type Socket } from 'socket.io';
import type { z } from 'zod';
import {
  C2S_SCHEMAS,
  CLOSE_CODES,
  type ClientToServerEvents,
  type CloseCode,
  type ErrorCode,
  type HostControl,
  type RoomInfo,
  type ServerToClientEvents,
} from '../../shared/protocol/index.js';
import { METRIC, type Metrics } from '../metrics.js';
import type { IncomingMessage } from 'node:http';
import { SOCKET_RATE, TokenBucket, type AddressLimiter, type BucketOptions } from '../security/rate-limit.js';
import { tokenMatches } from '../security/tokens.js';
import { JOIN_EVENTS, type JoinGuard } from '../security/join-guard.js';
import type { RoomManager } from './manager.js';
import type { RoomOutput, ViewLang } from './output.js';
import { fail, fairElapsedMs, type Command, type Outcome, type Room } from './room.js';
import { playerOf } from '../../shared/engine/index.js';
import type { Lang } from '../../shared/engine/types.js';
import type { Logger } from '../log.js';

type Session = { role: 'host'; code: string } | { role: 'player'; code: string; playerId: string };
interface SocketData {
  session: Session | null;
  bucket: TokenBucket;
  /** Smoothed round trip measured by the server's own `time:ping` (ms); null before the first pong. */
  rtt: number | null;
  /** Server clock of the ping waiting for its pong (one at a time), or null. */
  pingAt: number | null;
  pingTimer: ReturnType<typeof setTimeout> | null;
}

/** A measured socket is pinged again this long after its last pong. */
export const PING_INTERVAL_MS = 10_000;
/** A ping due while the socket's room has a question open waits this long (and again, until it closes). */
const PING_DEFER_MS = 3_000;
/** A ping unanswered for this long no longer blocks a new one (the client may have missed it). */
const PING_STALE_MS = 30_000;
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type EventName = keyof typeof C2S_SCHEMAS;
type Parsed<E extends EventName> = z.output<(typeof C2S_SCHEMAS)[E]>;
type Reply = Outcome<object>;

const roomGroup = (code: string) => `r:${code}`;
const hostGroup = (code: string) => `h:${code}`;
const playerGroup = (code: string, playerId: string) => `p:${code}:${playerId}`;
const teamGroup = (code: string, teamId: string) => `t:${code}:${teamId}`;
/**
 * Devices that read another of the pack's languages than the room's (server/rooms/room.ts setPlayerLang): the
 * room's, and their team's, broadcast in that language goes to these groups, the room's own to every other member.
 */
const langGroup = (code: string, lang: Lang) => `l:${code}:${lang}`;
const teamLangGroup = (code: string, teamId: string, lang: Lang) => `t:${code}:${teamId}:${lang}`;

/** The language a socket reads in a room, from its groups (null: the room's own). A cluster stand-in has the real socket's groups. */
function langOf(socket: IoSocket, code: string): Lang | null {
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

/** Wires a room's broadcasts to Socket.IO groups (one broadcast per group, encoded once). */
export function socketOutput(io: IoServer, room: Room, metrics?: Metrics): RoomOutput {
  const code = room.code;
  const socketsIn = (group: string): IoSocket[] => {
    const ids = io.sockets.adapter.rooms.get(group);
    return ids ? [...ids].flatMap((id) => io.sockets.sockets.get(id) ?? []) : [];
  };
  // The RoomOutput signature already ties each payload to its event; Socket.IO's own generics cannot follow it.
  /** One broadcast, timed and counted (hostrush_fanout_seconds and _sockets: this process's sockets only). */
  const broadcast = (group: string, send: () => void) => {
    if (!metrics) return send();
    const start = performance.now();
    send();
    metrics.observe(METRIC.fanoutSeconds, (performance.now() - start) / 1000);
    metrics.observe(METRIC.fanoutSockets, io.sockets.adapter.rooms.get(group)?.size ?? 0);
  };
  const emit = (group: string, event: string, payload: unknown) =>
    broadcast(group, () => void (io.to(group) as unknown as { emit(e: string, p: unknown): boolean }).emit(event, payload));
  /** A group's broadcast for the devices reading `lang` (ViewLang in ./output.ts): one broadcast, encoded once. */
  const emitIn = (group: string, langGroupOf: (l: Lang) => string, lang: ViewLang, event: string, payload: unknown) => {
    if (lang === undefined) return emit(group, event, payload);
    if (lang !== null) return emit(langGroupOf(lang), event, payload);
    const others = [...(room.languages?.others.keys() ?? [])].map((l) => langGroup(code, l));
    broadcast(group, () => void (io.to(group).except(others) as unknown as { emit(e: string, p: unknown): boolean }).emit(event, payload));
  };
  // Fair timing: the first time an open question's view goes out to a player is noted (once per question and
  // group: the loop over the group's sockets runs when a question opens, not on every broadcast).
  const noted = new Map<string, string>();
  const noteSent = (group: string, event: string) => {
    const q = room.state.question;
    if (event !== 'room:view' || !q || q.closed || noted.get(group) === q.questionId) return;
    noted.set(group, q.questionId);
    if (noted.size > 64) noted.clear();
    for (const socket of socketsIn(group)) {
      const session = socket.data.session;
      if (session?.role === 'player') room.noteQuestionSent(session.playerId);
    }
  };
  return {
    toRoom: (event, payload, lang) => {
      noteSent(roomGroup(code), event);
      emitIn(roomGroup(code), (l) => langGroup(code, l), lang, event, payload);
    },
    toHosts: (event, payload) => emit(hostGroup(code), event, payload),
    toPlayer: (id, event, payload) => {
      if (event === 'room:view') room.noteQuestionSent(id);
      emit(playerGroup(code, id), event, payload);
    },
    toTeam: (id, event, payload, lang) => {
      noteSent(teamGroup(code, id), event);
      emitIn(teamGroup(code, id), (l) => teamLangGroup(code, id, l), lang, event, payload);
    },
    setTeam: (playerId, teamId) => {
      for (const socket of socketsIn(playerGroup(code, playerId))) joinTeam(socket, code, teamId);
    },
    closePlayer: (playerId, closeCode, message) => {
      const group = playerId === '*' ? roomGroup(code) : playerGroup(code, playerId);
      for (const socket of socketsIn(group)) endSession(socket, closeCode, message);
    },
  };
}

function joinTeam(socket: IoSocket, code: string, teamId: string | null): void {
  for (const group of socket.rooms) if (group.startsWith(`t:${code}:`)) void socket.leave(group);
  const lang = langOf(socket, code);
  if (teamId) void socket.join(lang ? [teamGroup(code, teamId), teamLangGroup(code, teamId, lang)] : teamGroup(code, teamId));
}

/** Moves a player's socket to the broadcast groups of the language it is served in (null: the room's own). */
function joinLang(socket: IoSocket, code: string, teamId: string | null, lang: Lang | null): void {
  if (langOf(socket, code) === lang) return;
  for (const group of socket.rooms) if (group.startsWith(`l:${code}:`)) void socket.leave(group);
  if (lang) void socket.join(langGroup(code, lang));
  joinTeam(socket, code, teamId);
}

function leaveSession(socket: IoSocket): void {
  for (const group of socket.rooms) if (group !== socket.id) void socket.leave(group);
  socket.data.session = null;
}

function endSession(socket: IoSocket, code: CloseCode, message: string): void {
  socket.emit('session:closed', { code, message });
  leaveSession(socket);
}

export interface SocketOptions {
  clock: () => number;
  /** Per-socket event budget (default 20/s, burst 40). */
  rate?: BucketOptions;
  metrics: Metrics;
  log: Logger;
  /**
   * Ack an accepted action only once the room's log holds it, so a crash never loses an acked answer (the client
   * re-sends an unacked one; answers are idempotent). Off here when the cluster layer does the same for its own.
   */
  durableAcks?: boolean;
  /**
   * Per client address limits on making rooms (shared with POST /api/rooms) and solo runs (docs/SECURITY.md,
   * "Flood"), and how to read a handshake's client address (server/security/client-address.ts). None if absent.
   */
  creation?: { rooms: AddressLimiter; solo: AddressLimiter; addressOf: (req: IncomingMessage) => string };
  /** Failed joins and resumes spend a per-address budget (server/security/join-guard.ts). None if absent. */
  joinGuard?: JoinGuard;
}

/** Events that may add an action to a room's log: with durable acks, their ack waits until it is stored. */
export const STORING_EVENTS: ReadonlySet<string> = new Set<EventName>([
  'host:control',
  'solo:control',
  'solo:start',
  'player:join',
  'player:team',
  'player:answer',
  'player:claim',
  'player:release',
  'player:deploy',
  'player:take-layer',
]);

/** With durable acks, how long an ack may wait for a failing database before it goes anyway (the log retries). */
const DURABLE_ACK_MAX_WAIT_MS = 2000;

export function attachSockets(io: IoServer, manager: RoomManager, opts: SocketOptions): void {
  const { metrics, clock } = opts;
  manager.onRoom = (room) => {
    room.output = socketOutput(io, room, metrics);
  };
  for (const room of manager.rooms.values()) room.output = socketOutput(io, room, metrics);
  metrics.gauge('hostrush_sockets', 'Connected sockets.', () => io.engine.clientsCount);

  // Memory: nothing here is made per socket. The handlers and listeners below are built once and shared by every
  // socket (Socket.IO calls a listener with its socket as `this`); a socket carries only its `data`.

  /**
   * The server's own round-trip measure: `time:ping` with an ack, one at a time, smoothed (1/4 per sample), again
   * 10 s (+-25%, so a room's pings do not come in waves) after each pong. Not while the socket's room has a
   * question open: answers come first; the measure taken before the question is the one that counts anyway.
   */
  const ping = (socket: IoSocket): void => {
    if (socket.disconnected) return;
    const now = clock();
    const session = socket.data.session;
    const q = session ? manager.get(session.code)?.state.question : undefined;
    if (q && !q.closed && socket.data.rtt !== null) return schedulePing(socket, PING_DEFER_MS);
    if (socket.data.pingAt !== null && now - socket.data.pingAt < PING_STALE_MS) return;
    if (socket.data.pingTimer) clearTimeout(socket.data.pingTimer);
    socket.data.pingTimer = null;
    const t = now;
    socket.data.pingAt = t;
    socket.emit('time:ping', { t }, (pong: unknown) => {
      if (socket.data.pingAt !== t) return;
      socket.data.pingAt = null;
      if (typeof pong === 'object' && pong !== null && (pong as { t?: unknown }).t === t) {
        const sample = Math.max(0, clock() - t);
        const rtt = socket.data.rtt;
        socket.data.rtt = rtt === null ? sample : Math.round(0.75 * rtt + 0.25 * sample);
      }
      if (socket.disconnected || !socket.data.session) return;
      schedulePing(socket, PING_INTERVAL_MS * (0.75 + Math.random() / 2));
    });
  };
  const schedulePing = (socket: IoSocket, ms: number): void => {
    if (socket.data.pingTimer) clearTimeout(socket.data.pingTimer);
    socket.data.pingTimer = setTimeout(ping, ms, socket);
    socket.data.pingTimer.unref?.();
  };

  /** Runs one event behind the rate limit, the schema and a guard that turns any throw into an error. */
  const handle = async (socket: IoSocket, event: EventName, args: unknown[]): Promise<void> => {
    const readAt = performance.now();
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Reply) => void) : null;
    metrics.inc(METRIC.events, { event });
    let reply: Reply;
    if (!socket.data.bucket.take(clock())) {
      reply = fail('rate/limited', 'Too many events: slow down.');
    } else {
      const parsed = C2S_SCHEMAS[event].safeParse(args.length > (ack ? 1 : 0) ? args[0] : undefined);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        reply = fail('input/invalid', `${event}: ${path}${issue?.message ?? 'invalid payload'}`);
      } else {
        // Room code scanning: an address that failed too often is refused before the room is looked up.
        const address = opts.joinGuard && JOIN_EVENTS.has(event) ? opts.joinGuard.address(socket) : null;
        const guard = address === null ? null : opts.joinGuard!;
        const refused = guard?.refusal(event, address!, clock());
        if (refused) reply = fail('rate/limited', refused);
        else {
          try {
            const handler = handlers[event] as (socket: IoSocket, payload: unknown) => Reply | Promise<Reply>;
            const result = handler(socket, parsed.data);
            reply = result instanceof Promise ? await result : result;
          } catch (error) {
            opts.log.error({ err: error, event }, `handler ${event} failed`);
            reply = fail('server/error', 'Something went wrong on the server.');
          }
          await guard?.record(event, address!, clock(), reply);
        }
      }
    }
    if (!reply.ok) metrics.inc(METRIC.errors, { code: reply.error.code });
    if (!ack) return;
    if (opts.durableAcks && reply.ok && STORING_EVENTS.has(event)) {
      const code = socket.data.session?.code;
      const room = code ? manager.get(code) : undefined;
      if (room) unstoredRooms.add(room);
    }
    pendingAcks.push({ ack, reply, event, readAt });
    if (pendingAcks.length === 1) setImmediate(flushAcks);
  };
  /**
   * Acks are written once per event-loop turn, after every message read in that turn was handled (as Redis
   * writes its replies before it sleeps): a burst of 2,000 answers is handled, then acked back to back, where
   * writing each ack between two answers cost 3x more CPU per socket write (docs/BENCHMARKS.md, "Acks written
   * per turn"). A lone message is acked in the same turn (the check phase), so its latency does not change.
   */
  type PendingAck = { ack: (r: Reply) => void; reply: Reply; event: string; readAt: number };
  const pendingAcks: PendingAck[] = [];
  // Durable acks: the rooms whose new actions this turn's acks wait for. One write per room per turn, not per action
  // (SQLite commits it within the turn; PostgreSQL within a round trip).
  const unstoredRooms = new Set<Room>();
  const sendAcks = (batch: PendingAck[]): void => {
    for (const { ack, reply, event, readAt } of batch) {
      try {
        ack(reply);
      } catch (error) {
        opts.log.warn({ err: error, event }, `ack ${event} failed`);
      }
      metrics.observe(METRIC.ackLatency, (performance.now() - readAt) / 1000);
    }
  };
  const flushAcks = (): void => {
    const batch = pendingAcks.splice(0);
    if (unstoredRooms.size === 0) return sendAcks(batch);
    const stored = Promise.all([...unstoredRooms].map((room) => room.drain().catch(() => {})));
    unstoredRooms.clear();
    // A database that keeps failing must not freeze the game: past the wait, ack anyway (the log keeps retrying
    // and the failure is counted and logged by the room).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, DURABLE_ACK_MAX_WAIT_MS)));
    void Promise.race([stored, late]).then(() => {
      clearTimeout(timer);
      sendAcks(batch);
    });
  };

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
    const previous = io.sockets.adapter.rooms.get(playerGroup(room.code, playerId));
    for (const id of previous ?? []) {
      const other = io.sockets.sockets.get(id);
      if (other && other !== socket) endSession(other, CLOSE_CODES.replaced, 'This seat was taken up on another device.');
    }
    socket.data.session = { role: 'player', code: room.code, playerId };
    const teamId = playerOf(room.state, playerId)?.teamId ?? null;
    void socket.join(teamId ? [roomGroup(room.code), playerGroup(room.code, playerId), teamGroup(room.code, teamId)] : [roomGroup(room.code), playerGroup(room.code, playerId)]);
    // The device's own language, when the pack has it: its views (the ack's first) come in it.
    joinLang(socket, room.code, teamId, room.setPlayerLang(playerId, lang));
    // The ack carries the view: an open question goes out to this player now (if it had not before).
    room.noteQuestionSent(playerId);
    ping(socket);
  };

  /** The socket's client address (TRUST_PROXY's rule); a routed stand-in (cluster) has no request: its handshake's. */
  const addressOf = (socket: IoSocket): string => {
    const req = (socket as { request?: IncomingMessage }).request;
    return req && opts.creation ? opts.creation.addressOf(req) : socket.handshake.address;
  };
  /** Spends a point of the socket's client address's budget: null, or the refusal (no state changed). */
  const overLimit = async (socket: IoSocket, kind: 'rooms' | 'solo'): Promise<Reply | null> => {
    const creation = opts.creation;
    if (!creation) return null;
    // Only real sockets make rooms (the cluster routes no room:create or solo:start); a stand-in has no request.
    const message = await creation[kind].refusal(addressOf(socket));
    return message === null ? null : fail('rate/limited', message);
  };

  type Handlers = { [E in EventName]: (socket: IoSocket, payload: Parsed<E>) => Reply | Promise<Reply> };
  const handlers: Handlers = {
    'room:create': async (socket, payload) => {
      const limited = await overLimit(socket, 'rooms');
      if (limited) return limited;
      const created = await manager.createRoom(payload);
      if (!created.ok) return created;
      attachHost(socket, created.room);
      return { ok: true, ...roomInfo(created.room), hostToken: created.hostToken, view: created.room.hostView() };
    },

    'host:resume': (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room) return fail('room/unknown', 'No room with this code.');
      if (room.solo || !tokenMatches(payload.hostToken, room.record.hostKeyHash)) {
        return fail('auth/token', 'This host token is not valid for this room.');
      }
      attachHost(socket, room);
      const tally = room.tally();
      if (tally) socket.emit('host:tally', tally);
      if (room.podium) socket.emit('game:podium', room.podium);
      return { ok: true, ...roomInfo(room), view: room.hostView() };
    },

    'host:control': (socket, payload) => {
      const found = sessionRoom(socket);
      if ('ok' in found) return found;
      if (found.session.role !== 'host') return fail('auth/not-host', 'Only the host may do this.');
      return found.room.control(payload.commandId, 'host', hostCommand(payload, { role: 'host' }));
    },

    'solo:control': (socket, payload) => {
      const found = asPlayer(socket);
      if ('ok' in found) return found;
      if (!found.room.solo) return fail('room/not-solo', 'Only a solo player controls its own game.');
      return found.room.control(payload.commandId, found.playerId, { type: payload.command, actor: { role: 'player', playerId: found.playerId } });
    },

    'player:join': async (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room || room.solo) return fail('room/unknown', 'No room with this code.');
      const joined = await room.join(payload.name, payload.teamId);
      if (!joined.ok || !joined.resumeToken) return joined.ok ? fail('server/error', 'Could not seat the player.') : joined;
      attachPlayer(socket, room, joined.playerId, payload.lang);
      return {
        ok: true,
        ...roomInfo(room),
        playerId: joined.playerId,
        resumeToken: joined.resumeToken,
        view: room.personalView(joined.playerId),
        you: room.you(joined.playerId),
      };
    },

    'player:resume': (socket, payload) => {
      const room = manager.get(payload.roomCode);
      if (!room) return fail('room/unknown', 'No room with this code.');
      const seat = room.seatFor(payload.resumeToken);
      if (!seat.ok) return seat;
      attachPlayer(socket, room, seat.playerId, payload.lang);
      if (room.podium) socket.emit('game:podium', room.podium);
      return { ok: true, ...roomInfo(room), playerId: seat.playerId, view: room.personalView(seat.playerId), you: room.you(seat.playerId) };
    },

    'solo:start': async (socket, payload) => {
      const limited = await overLimit(socket, 'solo');
      if (limited) return limited;
      const created = await manager.createSolo(payload);
      if (!created.ok) return created;
      const { room, playerId } = created;
      attachPlayer(socket, room, playerId, payload.lang);
      return {
        ok: true,
        ...roomInfo(room),
        playerId,
        resumeToken: created.resumeToken,
        seed: created.seed,
        board: created.board,
        view: room.personalView(playerId),
        you: room.you(playerId),
      };
    },

    'player:team': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'move-player', actor: { role: 'player', playerId }, playerId, teamId: p.teamId })),
    'player:answer': (socket, p) => {
      const found = asPlayer(socket);
      if ('ok' in found) return found;
      const { room, playerId } = found;
      // Fair timing: from the server's send of the question to this player, less the network's share.
      const since = room.sinceQuestionSent(playerId, p.questionId);
      const elapsed = since === null ? undefined : fairElapsedMs(since, socket.data.rtt ?? 0, p.elapsedMs);
      return room.answer(playerId, p.questionId, p.answer, elapsed);
    },
    'player:take-layer': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'take-layer', actor: { role: 'player', playerId }, layer: p.layer === 'none' ? null : p.layer })),
    'player:claim': (socket, p) => playerAct(socket, (playerId) => ({ type: 'claim', actor: { role: 'player', playerId }, cardId: p.cardId })),
    'player:release': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'release', actor: { role: 'player', playerId }, cardId: p.cardId })),
    'player:deploy': (socket, p) =>
      playerAct(socket, (playerId) => ({ type: 'deploy', actor: { role: 'player', playerId }, cardId: p.cardId, choice: p.choice })),

    'game:sync': (socket, payload) => {
      const found = sessionRoom(socket);
      if ('ok' in found) return found;
      const { room, session } = found;
      if (session.role === 'host') return { ok: true, view: room.hostView(), you: null, bills: room.billsFor(null) };
      // The device switched language: its broadcasts from now on, and this reply, come in the new one.
      if (payload.lang !== undefined) {
        const teamId = playerOf(room.state, session.playerId)?.teamId ?? null;
        joinLang(socket, room.code, teamId, room.setPlayerLang(session.playerId, payload.lang));
      }
      room.noteQuestionSent(session.playerId);
      return {
        ok: true,
        view: room.personalView(session.playerId),
        you: room.you(session.playerId),
        bills: room.billsFor(session.playerId),
      };
    },

    'time:ping': (_socket, p) => ({ ok: true, t: p.t, serverNow: clock() }),

    'session:leave': (socket) => {
      leaveSession(socket);
      return { ok: true };
    },
  };

  const events = Object.keys(C2S_SCHEMAS) as EventName[];
  // One listener per event for every socket: Socket.IO calls it with the socket as `this`.
  const listeners = events.map((event) => {
    const listener = function (this: IoSocket, ...args: unknown[]): void {
      void handle(this, event, args);
    };
    return [event, listener] as const;
  });
  // Events nobody declared: counted and answered, never handled.
  const onAny = (event: unknown, ...args: unknown[]): void => {
    if (typeof event === 'string' && Object.hasOwn(C2S_SCHEMAS, event)) return;
    metrics.inc(METRIC.events, { event: 'unknown' });
    metrics.inc(METRIC.errors, { code: 'input/invalid' });
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      try {
        (last as (r: Reply) => void)(fail('input/invalid', 'Unknown event.'));
      } catch {
        /* a broken callback is the client's problem */
      }
    }
  };
  const onDisconnect = function (this: IoSocket): void {
    if (this.data.pingTimer) clearTimeout(this.data.pingTimer);
    this.data.pingTimer = null;
  };

  io.on('connection', (socket) => {
    socket.data.session = null;
    socket.data.bucket = new TokenBucket(opts.rate ?? SOCKET_RATE, clock());
    socket.data.rtt = null;
    socket.data.pingAt = null;
    socket.data.pingTimer = null;
    const on = socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void };
    // A real Socket.IO socket calls listeners with itself as `this`; a stand-in (the cluster's routed events) may
    // not, so it gets small closures of its own (it lives for one event).
    const real = socket instanceof SocketClass;
    for (const [event, listener] of listeners) on.on(event, real ? listener : (...args: unknown[]) => listener.apply(socket, args));
    on.on('disconnect', real ? onDisconnect : () => onDisconnect.call(socket));
    socket.onAny(onAny);
  });
}

function hostCommand(control: HostControl, actor: { role: 'host' }): Command {
  switch (control.command) {
    case 'lock':
      return { type: 'lock-lobby', actor, locked: control.locked };
    case 'remove':
      return { type: 'remove-player', actor, playerId: control.playerId };
    case 'move':
      return { type: 'move-player', actor, playerId: control.playerId, teamId: control.teamId };
    case 'add-time':
      return { type: 'add-time', actor, seconds: control.seconds };
    case 'time-factor':
      return { type: 'set-time-factor', actor, playerId: control.playerId, factor: control.factor };
    default:
      return { type: control.command, actor };
  }
}

export type { ErrorCode };
