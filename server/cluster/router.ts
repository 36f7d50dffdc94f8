// How a socket's event reaches its room's owner, on the process that holds the socket: a Socket.IO packet
// middleware. An event for a room this process owns runs here (the socket layer's listeners); one for a room owned
// elsewhere is sent to the owner on the cluster bus, and what the owner's handlers did to the socket's stand-in
// (server/cluster/remote-socket.ts) is done to the real socket before its ack is passed on.
import type { CloseCode } from '../../shared/protocol/index.js';
import { METRIC, type Metrics } from '../metrics.js';
import type { Logger } from '../log.js';
import type { RoomManager } from '../rooms/manager.js';
import type { SocketLayer } from '../rooms/sockets.js';
import { STORING_EVENTS } from '../rooms/socket/acks.js';
import type { IoSocket, Reply, Session } from '../rooms/socket/groups.js';
import { JOIN_EVENTS, type JoinGuard } from '../security/join-guard.js';
import type { Bus } from './bus.js';
import type { Leases } from './lease.js';
import type { Effect } from './remote-socket.js';

/** A routed event, as the owner receives it: the event and what it needs of the socket that sent it. */
export interface RouteRequest {
  code: string;
  event: string;
  args: unknown[];
  session: Session | null;
  rooms: string[];
  socketId: string;
  /** The socket's measured round trip (ms), for fair answer timing on the owner. */
  rtt: number | null;
}
export type RouteResponse =
  { notOwner: true } | { notOwner: false; reply: Reply; session: Session | null; effects: Effect[] };
/** What every process does to its own sockets of a room (server/rooms/socket/groups.ts), announced to all. */
export type Notice =
  | { t: 'team'; code: string; playerId: string; teamId: string | null }
  | { t: 'close'; code: string; playerId: string; closeCode: CloseCode; message: string }
  | { t: 'seat'; code: string; playerId: string; socketId: string };
export type ClusterBus = Bus<RouteRequest, RouteResponse, Notice>;

/** Events that belong to one room and may have to go to its owner; the others are always handled here. */
const BY_PAYLOAD = new Set(['host:resume', 'player:join', 'player:resume']);
// Every event that acts on the socket's room (the storing ones, less the two that open a session) and the sync:
// derived from STORING_EVENTS so that a new acting event is routed too (player:take-layer once was not).
const BY_SESSION = new Set(
  [...STORING_EVENTS].filter((e) => e !== 'solo:start' && e !== 'player:join').concat('game:sync'),
);
const SEATING = new Set(['player:join', 'player:resume']);
const ROOM_CODE = /^\d{6}$/;

type Packet = unknown[];
type Next = (err?: Error) => void;

export interface RouterDeps {
  nodeId: string;
  leaseMs: number;
  rpcTimeoutMs: number;
  clock: () => number;
  metrics: Metrics;
  log: Logger;
  joinGuard?: JoinGuard;
  bus: ClusterBus;
  leases: Leases;
  rooms: RoomManager;
  sockets: SocketLayer;
  /** Takes an orphaned room over (server/cluster/index.ts); resolves with the takeover under way if there is one. */
  takeover(code: string): Promise<'taken' | 'held' | 'gone'>;
  /** The takeover of `code` under way on this process, if any. */
  takingOver(code: string): Promise<unknown> | undefined;
  stopped(): boolean;
}

export class Router {
  /** Room code -> its owner's node id, as last read from the lease (forgotten when the owner does not answer). */
  private readonly owners = new Map<string, string>();
  private readonly queues = new WeakMap<IoSocket, { chain: Promise<void>; pending: number }>();

  constructor(private readonly deps: RouterDeps) {
    deps.metrics.counter('hostrush_routed_total', 'Socket events sent to the process that owns their room, by event.', [
      'event',
    ]);
  }

  /** Puts the router in front of a new socket's handlers. */
  accept(socket: IoSocket): void {
    this.queues.set(socket, { chain: Promise.resolve(), pending: 0 });
    socket.use((packet, next) => this.onPacket(socket, packet, next));
  }

  /** The room's owner may have changed (its sessions were closed): read its lease again next time. */
  forgetOwner(code: string): void {
    this.owners.delete(code);
  }

  private isLocal(code: string): boolean {
    return this.deps.rooms.rooms.has(code) && this.deps.leases.holds(code);
  }

  private targetCode(socket: IoSocket, event: string, packet: Packet): string | null {
    if (BY_PAYLOAD.has(event)) {
      const payload = packet[1];
      const code = payload && typeof payload === 'object' ? (payload as { roomCode?: unknown }).roomCode : undefined;
      return typeof code === 'string' && ROOM_CODE.test(code) ? code : null;
    }
    if (BY_SESSION.has(event)) return socket.data.session?.code ?? null;
    return null;
  }

  private onPacket(socket: IoSocket, packet: Packet, next: Next): void {
    const event = packet[0];
    const queue = this.queues.get(socket);
    if (typeof event !== 'string' || !queue) return next();
    if (this.scanRefused(socket, event, packet)) return;
    if (queue.pending === 0) {
      const code = this.targetCode(socket, event, packet);
      // The hot path: a room this process owns costs one Map lookup and a clock read, no Redis.
      if (code === null || this.isLocal(code)) return this.runLocal(socket, event, packet, next);
    }
    // A socket's events keep their order: while one is away at a room's owner, the next ones wait.
    queue.pending++;
    queue.chain = queue.chain
      .then(() => {
        const code = this.targetCode(socket, event, packet);
        if (code === null || this.isLocal(code)) return this.runLocal(socket, event, packet, next);
        return this.route(socket, event, packet, next, code);
      })
      .catch((error: unknown) => this.deps.log.error({ err: error, event }, `cluster: routing ${event} failed`))
      .finally(() => queue.pending--);
  }

  /** Room code scanning: refused here, before any Redis lookup or routing, once the address failed too often. */
  private scanRefused(socket: IoSocket, event: string, packet: Packet): boolean {
    const guard = this.deps.joinGuard;
    if (!guard || !JOIN_EVENTS.has(event)) return false;
    const address = guard.address(socket);
    const refused = address === null ? null : guard.refusal(event, address, this.deps.clock());
    if (refused === null) return false;
    this.deps.metrics.inc(METRIC.errors, { code: 'rate/limited' });
    const ack = packet[packet.length - 1];
    if (typeof ack === 'function')
      (ack as (reply: Reply) => void)({ ok: false, error: { code: 'rate/limited', message: refused } });
    return true;
  }

  /** Run by this process's own handlers (durable acks included: server/rooms/socket/acks.ts). */
  private runLocal(socket: IoSocket, event: string, packet: Packet, next: Next): void {
    const last = packet[packet.length - 1];
    if (typeof last === 'function' && SEATING.has(event)) {
      const ack = last as (reply: Reply) => void;
      packet[packet.length - 1] = (reply: Reply) => {
        this.seated(reply, socket.id);
        ack(reply);
      };
    }
    next();
  }

  private async route(socket: IoSocket, event: string, packet: Packet, next: Next, code: string): Promise<void> {
    const args = packet.slice(1);
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (reply: Reply) => void) : null;
    const answer = (reply: Reply) => {
      try {
        ack?.(reply);
      } catch {
        /* the client's problem */
      }
    };
    // Refusals made here are counted here; the owner counts those it makes.
    const refuse = (code: 'rate/limited' | 'server/error', message: string) => {
      this.deps.metrics.inc(METRIC.errors, { code });
      answer({ ok: false, error: { code, message } });
    };
    if (!socket.data.bucket.take(this.deps.clock())) return refuse('rate/limited', 'Too many events: slow down.');
    this.deps.metrics.inc('hostrush_routed_total', { event });
    const { clock, leaseMs, rpcTimeoutMs } = this.deps;
    const deadline = clock() + leaseMs + rpcTimeoutMs + 1000;
    for (let attempt = 0; attempt < 6 && clock() < deadline && !this.deps.stopped(); attempt++) {
      // Taken over meanwhile: the local handlers answer.
      if (this.isLocal(code)) return this.runLocal(socket, event, packet, next);
      const owner = await this.ownerOf(code);
      if (owner === null) {
        // No such active room: the local handlers give the usual refusal.
        if ((await this.takeover(code)) === 'gone') return this.runLocal(socket, event, packet, next);
        continue;
      }
      if (owner === this.deps.nodeId) {
        await this.settleOwnLease(code);
        continue;
      }
      const done = await this.sendToOwner(socket, owner, { code, event, args });
      if (done === null) continue;
      if (!socket.connected) return;
      return answer(done);
    }
    refuse('server/error', 'The room is moving to another server: try again.');
  }

  private takeover(code: string): Promise<'taken' | 'held' | 'gone'> {
    return this.deps.takeover(code).catch((error: unknown) => {
      this.deps.log.error({ err: error, room: code }, `cluster: could not take over room ${code}`);
      return 'held' as const;
    });
  }

  /** Ours in Redis but not in memory: a takeover under way here, or a lease left from a dropped room. */
  private async settleOwnLease(code: string): Promise<void> {
    const pending = this.deps.takingOver(code);
    if (pending) await pending.catch(() => {});
    else if (!this.deps.rooms.rooms.has(code)) await this.deps.leases.release(code);
    this.owners.delete(code);
  }

  /**
   * One try at the owner: its reply, with what it did to the stand-in done to `socket`; null when the owner did not
   * answer or is no longer the owner (the caller reads the lease again).
   */
  private async sendToOwner(
    socket: IoSocket,
    owner: string,
    routed: { code: string; event: string; args: unknown[] },
  ): Promise<Reply | null> {
    const { code, event } = routed;
    const sent = await this.deps.bus.request(
      owner,
      { ...routed, session: socket.data.session, rooms: [...socket.rooms], socketId: socket.id, rtt: socket.data.rtt },
      this.deps.rpcTimeoutMs,
    );
    if (!sent.ok || sent.body.notOwner) {
      this.owners.delete(code);
      // A process that is gone keeps its lease until it expires: wait for that (bounded), then take over.
      if (!sent.ok && sent.why === 'unreachable') await this.leaseExpiry(code, owner);
      return null;
    }
    const { reply, effects, session } = sent.body;
    // A failed join or resume of a room owned elsewhere is charged here, to the socket's own address.
    const guard = this.deps.joinGuard;
    const address = guard && JOIN_EVENTS.has(event) ? guard.address(socket) : null;
    if (guard && address !== null) await guard.record(event, address, this.deps.clock(), reply);
    if (!socket.connected) return reply;
    this.apply(socket, effects, session);
    if (SEATING.has(event)) this.seated(reply, socket.id);
    return reply;
  }

  private async ownerOf(code: string): Promise<string | null> {
    const cached = this.owners.get(code);
    if (cached) return cached;
    const owner = await this.deps.leases.owner(code);
    if (owner && owner !== this.deps.nodeId) {
      if (this.owners.size > 10_000) this.owners.clear();
      this.owners.set(code, owner);
    }
    return owner;
  }

  private async leaseExpiry(code: string, owner: string): Promise<void> {
    const { leases, leaseMs } = this.deps;
    const current = await leases.owner(code);
    if (current !== owner) return;
    const left = await leases.ttlLeft(code);
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, leaseMs) + 10));
  }

  /** What the owner did to its stand-in, done to the real socket (groups first, then messages, then the session). */
  private apply(socket: IoSocket, effects: Effect[], session: Session | null): void {
    socket.data.session = session;
    for (const effect of effects) {
      if (effect.k === 'join') void socket.join(effect.rooms);
      else if (effect.k === 'leave') void socket.leave(effect.room);
      // The round-trip measure is taken where the socket is, by the same pinger as for a room owned here.
      else if (effect.k === 'ping') this.deps.sockets.ping(socket);
      else (socket as unknown as { emit(e: string, p: unknown): void }).emit(effect.event, effect.payload);
    }
  }

  /** A seat was taken up by `socketId`: every process lets its other sockets on that seat go ("replaced"). */
  private seated(reply: Reply, socketId: string): void {
    if (!reply.ok) return;
    const { roomCode, playerId } = reply as { roomCode?: unknown; playerId?: unknown };
    if (typeof roomCode !== 'string' || typeof playerId !== 'string') return;
    this.deps.bus.notice({ t: 'seat', code: roomCode, playerId, socketId });
  }
}
