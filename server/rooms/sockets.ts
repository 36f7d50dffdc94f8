// The Socket.IO transport: validates every event against its schema, rate-limits each socket, binds a socket to
// one identity (host of a room, or one player) and turns events into engine actions stamped by the server.
// The parts: ./socket/groups.ts (types, broadcast groups), ./socket/output.ts (a room's RoomOutput), ./socket/ping.ts,
// ./socket/acks.ts, ./socket/dispatch.ts (one event's run), and one handler module per group of events
// (./socket/host.ts, player.ts, solo.ts, session.ts, sharing ./socket/context.ts). This file wires them.
import { Socket as SocketClass } from 'socket.io';
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
import type { EventName, IoServer, IoSocket, Reply } from './socket/groups.js';
import { hostHandlers } from './socket/host.js';
import { socketOutput } from './socket/output.js';
import { createPinger } from './socket/ping.js';
import { playerHandlers } from './socket/player.js';
import { sessionHandlers } from './socket/session.js';
import { soloHandlers } from './socket/solo.js';

export { STORING_EVENTS } from './socket/acks.js';
export { roomInfo, type IoServer } from './socket/groups.js';
export { socketOutput } from './socket/output.js';
export { PING_INTERVAL_MS } from './socket/ping.js';

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

export function attachSockets(io: IoServer, manager: RoomManager, opts: SocketOptions): void {
  const { metrics } = opts;
  manager.onRoom = (room) => {
    room.output = socketOutput(io, room, metrics);
  };
  for (const room of manager.rooms.values()) room.output = socketOutput(io, room, metrics);
  metrics.gauge('hostrush_sockets', 'Connected sockets.', () => io.engine.clientsCount);

  // Memory: nothing here is made per socket. The handlers and listeners below are built once and shared by every
  // socket (Socket.IO calls a listener with its socket as `this`); a socket carries only its `data`.
  const ping = createPinger(manager, opts.clock);
  const ctx = createContext(io, manager, opts, ping);
  const handlers: Handlers = {
    ...hostHandlers(ctx),
    ...playerHandlers(ctx),
    ...soloHandlers(ctx),
    ...sessionHandlers(ctx),
  };
  const handle = createDispatch(handlers, createAcks(manager, opts), opts);
  io.on('connection', connectionListener(handle, opts));
}

/** Sets up each new socket: its data, one shared listener per event, the unknown-event answer, its disconnect. */
function connectionListener(handle: Dispatch, opts: SocketOptions): (socket: IoSocket) => void {
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

  return (socket) => {
    socket.data.session = null;
    socket.data.bucket = new TokenBucket(opts.rate ?? SOCKET_RATE, clock());
    socket.data.rtt = null;
    socket.data.pingAt = null;
    socket.data.pingTimer = null;
    const on = socket as unknown as { on(e: string, l: (...args: unknown[]) => void): void };
    // A real Socket.IO socket calls listeners with itself as `this`; a stand-in (the cluster's routed events) may
    // not, so it gets small closures of its own (it lives for one event).
    const real = socket instanceof SocketClass;
    for (const [event, listener] of listeners)
      on.on(event, real ? listener : (...args: unknown[]) => listener.apply(socket, args));
    on.on('disconnect', real ? onDisconnect : () => onDisconnect.call(socket));
    socket.onAny(onAny);
  };
}

export type { ErrorCode };
