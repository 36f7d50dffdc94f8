// The Socket.IO transport: validates every event against its schema, rate-limits each socket, binds a socket to
// one identity (host of a room, or one player) and turns events into engine actions stamped by the server.
// The parts: ./socket/groups.ts (types, broadcast groups), ./socket/output.ts (a room's RoomOutput), ./socket/ping.ts,
// ./socket/acks.ts, ./socket/dispatch.ts (one event's run), and one handler module per group of events
// (./socket/host.ts, player.ts, solo.ts, session.ts, sharing ./socket/context.ts). This file wires them.
import { C2S_SCHEMAS, type ErrorCode } from '../../shared/protocol/index.js';
import { METRIC, type Metrics } from '../metrics.js';
import type { IncomingMessage } from 'node:http';
import { SOCKET_RATE, TokenBucket, type AddressLimiter, type BucketOptions } from '../security/rate-limit.js';
import type { JoinGuard } from '../security/join-guard.js';
import type { RoomManager } from './manager.js';
import { fail } from './room.js';
import type { Logger } from '../log.js';
import { createAcks } from './socket/acks.js';
import { createContext, type Handlers } from './socket/context.js';
import { createDispatch, type Dispatch } from './socket/dispatch.js';
import { isEventName, type EventName, type IoServer, type IoSocket, type Reply } from './socket/groups.js';
import { hostHandlers } from './socket/host.js';
import { createPinger, type Pinger } from './socket/ping.js';
import { playerHandlers } from './socket/player.js';
import { sessionHandlers } from './socket/session.js';
import { soloHandlers } from './socket/solo.js';

export { STORING_EVENTS } from './socket/acks.js';
export { roomInfo, type IoServer } from './socket/groups.js';

export interface SocketOptions {
  clock: () => number;
  /** Per-socket event budget (default 20/s, burst 40). */
  rate?: BucketOptions;
  metrics: Metrics;
  log: Logger;
  /**
   * Ack an accepted action only once the room's log holds it, so a crash never loses an acked answer (the client
   * re-sends an unacked one; answers are idempotent). The same for routed events: their owner acks them this way.
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

/**
 * The socket side of every room this process serves, built once: what a new socket gets, how one event runs, and
 * the round-trip measure. The room transport (./transport.ts) decides which socket events run here: all of them
 * with one process; with several, those for rooms this process owns, its own sockets' and those routed to it.
 */
export interface SocketLayer {
  /** Sets up a new socket: its data, one shared listener per event, the unknown-event answer, its disconnect. */
  connect(socket: IoSocket): void;
  /**
   * Runs one event for a socket (rate limit, schema, handler, ack as the last of `args`). The socket is a real one,
   * or at a room's owner the stand-in of one held by another process (server/cluster/remote-socket.ts).
   */
  run(socket: IoSocket, event: EventName, args: unknown[]): Promise<void> | void;
  /** The first sample of the server's round-trip measure of a socket (fair timing), where the socket is. */
  ping(socket: IoSocket): void;
}

export function createSocketLayer(io: IoServer, manager: RoomManager, opts: SocketOptions): SocketLayer {
  opts.metrics.gauge('hostrush_sockets', 'Connected sockets.', () => io.engine.clientsCount);
  // Memory: the handlers and listeners below are built once and shared by every socket (Socket.IO calls a listener
  // with its socket as `this`); a socket carries its `data` and the two heartbeat listeners (./socket/ping.ts).
  const pinger = createPinger(opts.clock);
  const ctx = createContext(io, manager, opts, pinger.ping);
  const handlers: Handlers = {
    ...hostHandlers(ctx),
    ...playerHandlers(ctx),
    ...soloHandlers(ctx),
    ...sessionHandlers(ctx),
  };
  const run = createDispatch(handlers, createAcks(manager, opts), opts);
  return { connect: connectionListener(run, opts, pinger), run, ping: pinger.ping };
}

/** Sets up each new socket: its data, one shared listener per event, the unknown-event answer, its disconnect. */
function connectionListener(handle: Dispatch, opts: SocketOptions, pinger: Pinger): (socket: IoSocket) => void {
  const { metrics, clock } = opts;
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
    if (isEventName(event)) return;
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
  return (socket) => {
    socket.data.session = null;
    socket.data.bucket = new TokenBucket(opts.rate ?? SOCKET_RATE, clock());
    socket.data.rtt = null;
    socket.data.pingAt = null;
    socket.data.heartbeatAt = null;
    const on = socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void };
    for (const [event, listener] of listeners) on.on(event, listener);
    socket.onAny(onAny);
    pinger.watchHeartbeats(socket);
  };
}

export type { ErrorCode };
