// Multi-process mode (REDIS_URL): the Socket.IO Redis adapter shares broadcasts, a Redis lease per room makes
// exactly one process its authority, events for a room owned elsewhere are routed to its owner, and a room whose
// owner died is taken over from storage. The scheme is described in docs/SCALE-OUT.md.
import { createAdapter } from '@socket.io/redis-adapter';
import type { CloseCode } from '../../shared/protocol/index.js';
import { METRIC, type Metrics } from '../metrics.js';
import type { RoomManager } from '../rooms/manager.js';
import type { RoomOutput } from '../rooms/output.js';
import { PING_INTERVAL_MS, STORING_EVENTS, type IoServer } from '../rooms/sockets.js';
import { closeSessions, moveToTeam, replaceSeat } from '../rooms/socket/groups.js';
import { Bus } from './bus.js';
import { resolveClusterOptions, type ClusterOptions, type ResolvedClusterOptions } from './config.js';
import { Leases } from './lease.js';
import { JOIN_EVENTS, type JoinGuard } from '../security/join-guard.js';
import { connectRedis, type RedisPair } from './redis.js';
import { RemoteSocket, type Effect, type Reply, type Session } from './remote-socket.js';
import type { Logger } from '../log.js';

export type { ClusterOptions } from './config.js';

interface RouteRequest {
  code: string;
  event: string;
  args: unknown[];
  session: Session | null;
  rooms: string[];
  socketId: string;
  /** The socket's measured round trip (ms), for fair answer timing on the owner. */
  rtt: number | null;
}
type RouteResponse = { notOwner: true } | { notOwner: false; reply: Reply; session: Session | null; effects: Effect[] };
type Notice =
  | { t: 'team'; code: string; playerId: string; teamId: string | null }
  | { t: 'close'; code: string; playerId: string; closeCode: CloseCode; message: string }
  | { t: 'seat'; code: string; playerId: string; socketId: string };

/** Events that belong to one room and may have to go to its owner; the others are always handled here. */
const BY_PAYLOAD = new Set(['host:resume', 'player:join', 'player:resume']);
// Every event that acts on the socket's room (the storing ones, less the two that open a session) and the sync:
// derived from STORING_EVENTS so that a new acting event is routed too (player:take-layer once was not).
const BY_SESSION = new Set(
  [...STORING_EVENTS].filter((e) => e !== 'solo:start' && e !== 'player:join').concat('game:sync'),
);
const SEATING = new Set(['player:join', 'player:resume']);
const ROOM_CODE = /^\d{6}$/;

type Socket = Parameters<Parameters<IoServer['on']>[1]>[0];
type Packet = unknown[];
type ConnectionHandler = (socket: never) => void;

export interface ClusterDeps {
  io: IoServer;
  manager: RoomManager;
  metrics: Metrics;
  clock: () => number;
  log: Logger;
  /** Failed joins and resumes per address (server/security/join-guard.ts): checked and charged where the socket is. */
  joinGuard?: JoinGuard;
}

export class Cluster {
  readonly opts: ResolvedClusterOptions;
  readonly leases: Leases;
  private readonly bus: Bus<RouteRequest, RouteResponse, Notice>;
  private handlers: ConnectionHandler[] = [];
  private readonly owners = new Map<string, string>();
  private readonly takeovers = new Map<string, Promise<'taken' | 'held' | 'gone'>>();
  private readonly queues = new WeakMap<Socket, { chain: Promise<void>; pending: number }>();
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private sweeping = false;
  private stopped = false;
  /** Takeovers done by this process, with how long each took (lease taken to room replayed). */
  readonly takeoverLog: Array<{ code: string; ms: number; actions: number }> = [];

  private constructor(
    private readonly deps: ClusterDeps,
    private readonly redis: RedisPair,
    opts: ResolvedClusterOptions,
  ) {
    this.opts = opts;
    this.leases = new Leases({
      redis: redis.pub,
      nodeId: opts.nodeId,
      prefix: opts.prefix,
      ttlMs: opts.leaseMs,
      log: deps.log,
      onLost: (code) => deps.manager.relinquish(code),
    });
    this.bus = new Bus({ pub: redis.pub, sub: redis.sub, prefix: opts.prefix, nodeId: opts.nodeId, log: deps.log });
    this.bus.onRequest = (req) => this.serve(req);
    this.bus.onNotice = (notice, from) => this.noticed(notice, from);
    deps.metrics.counter('hostrush_routed_total', 'Socket events sent to the process that owns their room, by event.', [
      'event',
    ]);
    deps.metrics.counter('hostrush_takeovers_total', 'Rooms this process took over from a process that was gone.');
    deps.metrics.gauge('hostrush_rooms_owned', 'Room leases this process holds.', () => this.leases.heldCodes().length);
  }

  /** Connects to Redis and installs the adapter; call before any socket connects and before rooms are restored. */
  static async start(options: ClusterOptions, deps: ClusterDeps): Promise<Cluster> {
    const opts = resolveClusterOptions(options);
    const redis = await connectRedis(opts.redisUrl, deps.log);
    const cluster = new Cluster(deps, redis, opts);
    deps.io.adapter(createAdapter(redis.pub, redis.sub, { key: `${opts.prefix}-socket.io` }));
    await cluster.bus.start();
    cluster.leases.start();
    deps.manager.ownership = cluster.leases;
    return cluster;
  }

  get nodeId(): string {
    return this.opts.nodeId;
  }

  /**
   * Plugs in after attachSockets: `handlers` are its connection listeners (run by the owner for routed events);
   * every socket gets the router; every room's output also tells the other processes about team moves and
   * closed sessions (their sockets are not in this process's groups).
   */
  install(handlers: ConnectionHandler[]): void {
    this.handlers = handlers;
    const { io, manager } = this.deps;
    io.on('connection', (socket) => {
      this.queues.set(socket, { chain: Promise.resolve(), pending: 0 });
      socket.use((packet, next) => this.onPacket(socket, packet as unknown as Packet, next));
    });
    const inner = manager.onRoom;
    manager.onRoom = (room) => {
      inner(room);
      room.output = this.shared(room.code, room.output);
    };
    for (const room of manager.rooms.values()) room.output = this.shared(room.code, room.output);
    this.sweeper = setInterval(() => void this.sweep(), Math.max(200, Math.floor(this.opts.leaseMs / 2)));
    this.sweeper.unref();
  }

  // ------------------------------------------------------------------ routing (where the socket is)

  private isLocal(code: string): boolean {
    return this.deps.manager.rooms.has(code) && this.leases.holds(code);
  }

  private targetCode(socket: Socket, event: string, packet: Packet): string | null {
    if (BY_PAYLOAD.has(event)) {
      const payload = packet[1];
      const code = payload && typeof payload === 'object' ? (payload as { roomCode?: unknown }).roomCode : undefined;
      return typeof code === 'string' && ROOM_CODE.test(code) ? code : null;
    }
    if (BY_SESSION.has(event)) return (socket.data.session as Session | null)?.code ?? null;
    return null;
  }

  private onPacket(socket: Socket, packet: Packet, next: (err?: Error) => void): void {
    const event = packet[0];
    const queue = this.queues.get(socket);
    if (typeof event !== 'string' || !queue) return next();
    // Room code scanning: refused here, before any Redis lookup or routing, once the address failed too often.
    const guard = this.deps.joinGuard;
    if (guard && JOIN_EVENTS.has(event)) {
      const address = guard.address(socket);
      const refused = address === null ? null : guard.refusal(event, address, this.deps.clock());
      if (refused !== null) {
        this.deps.metrics.inc(METRIC.errors, { code: 'rate/limited' });
        const ack = packet[packet.length - 1];
        if (typeof ack === 'function')
          (ack as (reply: Reply) => void)({ ok: false, error: { code: 'rate/limited', message: refused } });
        return;
      }
    }
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

  /** Handled by this process's own handlers; the ack waits for the action to be stored when acks are durable. */
  private runLocal(socket: Socket, event: string, packet: Packet, next: (err?: Error) => void): void {
    const last = packet[packet.length - 1];
    if (typeof last === 'function' && (STORING_EVENTS.has(event) || SEATING.has(event))) {
      const ack = last as (reply: unknown) => void;
      const fallback = this.targetCode(socket, event, packet);
      packet[packet.length - 1] = (reply: Reply) => {
        if (reply.ok && SEATING.has(event)) this.seated(reply, socket.id);
        const code = reply.ok && typeof reply.roomCode === 'string' ? reply.roomCode : fallback;
        const room =
          code && this.opts.durableAcks && reply.ok && STORING_EVENTS.has(event)
            ? this.deps.manager.rooms.get(code)
            : undefined;
        if (!room) return ack(reply);
        room.drain().then(
          () => ack(reply),
          () => ack(reply),
        );
      };
    }
    next();
  }

  private async route(
    socket: Socket,
    event: string,
    packet: Packet,
    next: (err?: Error) => void,
    code: string,
  ): Promise<void> {
    const args = packet.slice(1);
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (reply: Reply) => void) : null;
    // Refusals made here are counted here; the owner counts those it makes.
    const refuse = (code: string, message: string) => {
      this.deps.metrics.inc(METRIC.errors, { code });
      answer({ ok: false, error: { code, message } });
    };
    const answer = (reply: Reply) => {
      if (ack) {
        try {
          ack(reply);
        } catch {
          /* the client's problem */
        }
      }
    };
    const bucket = socket.data.bucket as { take(now: number): boolean } | undefined;
    if (bucket && !bucket.take(this.deps.clock())) {
      return refuse('rate/limited', 'Too many events: slow down.');
    }
    this.deps.metrics.inc('hostrush_routed_total', { event });
    const deadline = this.deps.clock() + this.opts.leaseMs + this.opts.rpcTimeoutMs + 1000;
    for (let attempt = 0; attempt < 6 && this.deps.clock() < deadline && !this.stopped; attempt++) {
      // Taken over meanwhile: the local handlers answer.
      if (this.isLocal(code)) return this.runLocal(socket, event, packet, next);
      const owner = await this.ownerOf(code);
      if (owner === null) {
        const taken = await this.takeover(code).catch((error: unknown) => {
          this.deps.log.error({ err: error, room: code }, `cluster: could not take over room ${code}`);
          return 'held' as const;
        });
        // No such active room: the local handlers give the usual refusal.
        if (taken === 'gone') return this.runLocal(socket, event, packet, next);
        continue;
      }
      if (owner === this.nodeId) {
        // Ours in Redis but not in memory: a takeover under way here, or a lease left from a dropped room.
        const pending = this.takeovers.get(code);
        if (pending) await pending.catch(() => {});
        else if (!this.deps.manager.rooms.has(code)) await this.leases.release(code);
        this.owners.delete(code);
        continue;
      }
      const sent = await this.bus.request(
        owner,
        {
          code,
          event,
          args,
          session: (socket.data.session as Session | null) ?? null,
          rooms: [...socket.rooms],
          socketId: socket.id,
          rtt: (socket.data as { rtt?: number | null }).rtt ?? null,
        },
        this.opts.rpcTimeoutMs,
      );
      if (!sent.ok) {
        this.owners.delete(code);
        // A process that is gone keeps its lease until it expires: wait for that (bounded), then take over.
        if (sent.why === 'unreachable') await this.leaseExpiry(code, owner);
        continue;
      }
      if (sent.body.notOwner) {
        this.owners.delete(code);
        continue;
      }
      // A failed join or resume of a room owned elsewhere is charged here, to the socket's own address.
      const address = this.deps.joinGuard && JOIN_EVENTS.has(event) ? this.deps.joinGuard.address(socket) : null;
      if (address !== null) await this.deps.joinGuard!.record(event, address, this.deps.clock(), sent.body.reply);
      if (!socket.connected) return;
      this.apply(socket, sent.body.effects, sent.body.session);
      if (sent.body.reply.ok && SEATING.has(event)) this.seated(sent.body.reply, socket.id);
      return answer(sent.body.reply);
    }
    refuse('server/error', 'The room is moving to another server: try again.');
  }

  private async ownerOf(code: string): Promise<string | null> {
    const cached = this.owners.get(code);
    if (cached) return cached;
    const owner = await this.leases.owner(code);
    if (owner && owner !== this.nodeId) {
      if (this.owners.size > 10_000) this.owners.clear();
      this.owners.set(code, owner);
    }
    return owner;
  }

  private async leaseExpiry(code: string, owner: string): Promise<void> {
    const current = await this.leases.owner(code);
    if (current !== owner) return;
    const left = await this.leases.ttlLeft(code);
    if (left <= 0) return;
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, this.opts.leaseMs) + 10));
  }

  /** What the owner did to its stand-in, done to the real socket (groups first, then messages, then the session). */
  private apply(socket: Socket, effects: Effect[], session: Session | null): void {
    socket.data.session = session as never;
    for (const effect of effects) {
      if (effect.k === 'join') void socket.join(effect.rooms);
      else if (effect.k === 'leave') void socket.leave(effect.room);
      else if (effect.k === 'ping') this.ping(socket);
      else (socket as unknown as { emit(e: string, p: unknown): void }).emit(effect.event, effect.payload);
    }
  }

  /**
   * The round-trip measure of a socket whose room is owned elsewhere, as server/rooms/socket/ping.ts does it for its
   * own (time:ping with an ack, one at a time, smoothed 1/4 per sample, again every PING_INTERVAL_MS while the
   * socket has a session); the result travels with the socket's next routed event.
   */
  private ping(socket: Socket): void {
    const data = socket.data as {
      rtt: number | null;
      pingAt: number | null;
      pingTimer: ReturnType<typeof setTimeout> | null;
    };
    if (socket.disconnected) return;
    const now = this.deps.clock();
    if (data.pingAt !== null && now - data.pingAt < 30_000) return;
    if (data.pingTimer) clearTimeout(data.pingTimer);
    data.pingTimer = null;
    const t = now;
    data.pingAt = t;
    (socket as unknown as { emit(e: string, p: unknown, ack: (pong: unknown) => void): void }).emit(
      'time:ping',
      { t },
      (pong) => {
        if (data.pingAt !== t) return;
        data.pingAt = null;
        if (typeof pong === 'object' && pong !== null && (pong as { t?: unknown }).t === t) {
          const sample = Math.max(0, this.deps.clock() - t);
          data.rtt = data.rtt === null ? sample : Math.round(0.75 * data.rtt + 0.25 * sample);
        }
        if (socket.disconnected || !socket.data.session) return;
        data.pingTimer = setTimeout(() => this.ping(socket), PING_INTERVAL_MS);
        data.pingTimer.unref?.();
      },
    );
  }

  /** A seat was taken up by `socketId`: every process lets its other sockets on that seat go ("replaced"). */
  private seated(reply: Reply, socketId: string): void {
    if (!reply.ok || typeof reply.roomCode !== 'string' || typeof reply.playerId !== 'string') return;
    this.bus.notice({ t: 'seat', code: reply.roomCode, playerId: reply.playerId, socketId });
  }

  // ------------------------------------------------------------------ the owner's side

  private async serve(req: RouteRequest): Promise<RouteResponse> {
    const room = this.deps.manager.rooms.get(req.code);
    if (!room || !this.leases.holds(req.code)) return { notOwner: true };
    const stand = new RemoteSocket(req.socketId, req.rooms);
    for (const handler of this.handlers) handler(stand as never);
    stand.adopt(req.session, req.rtt);
    const reply = await stand.dispatch(req.event, req.args, this.opts.rpcTimeoutMs);
    if (this.opts.durableAcks && reply.ok && STORING_EVENTS.has(req.event)) await room.drain().catch(() => {});
    return { notOwner: false, reply, session: stand.data.session, effects: stand.effects };
  }

  /** Team moves and closed sessions reach the sockets other processes hold. */
  private shared(code: string, inner: RoomOutput): RoomOutput {
    return {
      ...inner,
      setTeam: (playerId, teamId) => {
        inner.setTeam(playerId, teamId);
        this.bus.notice({ t: 'team', code, playerId, teamId });
      },
      closePlayer: (playerId, closeCode, message) => {
        inner.closePlayer(playerId, closeCode, message);
        this.bus.notice({ t: 'close', code, playerId, closeCode, message });
      },
    };
  }

  /** What the owner of a room did to its own sockets, every other process does to its own. */
  private noticed(notice: Notice, from: string): void {
    const { io } = this.deps;
    // A seat taken up: also on the process that took it (its other sockets on the seat may be here).
    if (notice.t === 'seat') return replaceSeat(io, notice.code, notice.playerId, notice.socketId);
    if (from === this.nodeId) return;
    if (notice.t === 'team') return moveToTeam(io, notice.code, notice.playerId, notice.teamId);
    closeSessions(io, notice.code, notice.playerId, notice.closeCode, notice.message);
    if (notice.playerId === '*') this.owners.delete(notice.code);
  }

  // ------------------------------------------------------------------ takeover

  /** Takes an orphaned room: its lease, then its stored config, seed and log replayed. */
  takeover(code: string): Promise<'taken' | 'held' | 'gone'> {
    const running = this.takeovers.get(code);
    if (running) return running;
    const attempt = (async () => {
      if (this.stopped || !(await this.leases.acquire(code))) return 'held' as const;
      const started = Date.now();
      try {
        const room = await this.deps.manager.restoreRoom(code);
        if (!room) {
          await this.leases.release(code, true);
          return 'gone' as const;
        }
        const ms = Date.now() - started;
        this.takeoverLog.push({ code, ms, actions: room.log.length });
        this.deps.metrics.inc('hostrush_takeovers_total');
        this.deps.log.info(
          { room: code, node: this.nodeId, actions: room.log.length, ms },
          `cluster: ${this.nodeId} took over room ${code} (${room.log.length} actions replayed in ${ms} ms)`,
        );
        return 'taken' as const;
      } catch (error) {
        await this.leases.release(code);
        throw error;
      }
    })().finally(() => this.takeovers.delete(code));
    this.takeovers.set(code, attempt);
    return attempt;
  }

  /** Rooms whose owner is gone are taken over without waiting for one of their players' events. */
  async sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return;
    this.sweeping = true;
    try {
      const codes = (await this.redis.pub.sMembers(this.leases.roomsKey)).filter(
        (code) => !this.deps.manager.rooms.has(code) && !this.takeovers.has(code),
      );
      if (codes.length === 0) return;
      const owners = await this.redis.pub.mGet(codes.map((code) => this.leases.ownerKey(code)));
      for (const [i, code] of codes.entries()) {
        if (owners[i] !== null) continue;
        await this.takeover(code).catch((error: unknown) =>
          this.deps.log.error({ err: error, room: code }, `cluster: could not take over room ${code}`),
        );
      }
    } catch (error) {
      this.deps.log.error({ err: error }, 'cluster: sweep failed');
    } finally {
      this.sweeping = false;
    }
  }

  /** Clean shutdown, after the rooms are drained: leases released at once so another process takes over. */
  async releaseAll(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    await this.leases.stop();
    await this.bus.stop();
  }

  /** Where the per-address budgets are kept, shared by every process (server/security/rate-limit.ts). */
  get budgetStore(): { client: RedisPair['pub']; prefix: string } {
    return { client: this.redis.pub, prefix: this.opts.prefix };
  }

  /** Resolves when Redis answers a PING (GET /readyz). */
  async pingRedis(): Promise<void> {
    await this.redis.pub.ping();
  }

  async quit(): Promise<void> {
    await this.redis.quit();
  }
}
