// Multi-process mode (REDIS_URL): the room transport (server/rooms/transport.ts) of a process among several. The
// Socket.IO Redis adapter shares broadcasts, a Redis lease per room makes exactly one process its authority, events
// for a room owned elsewhere are routed to its owner (./router.ts), and a room whose owner died is taken over from
// storage. The scheme is described in docs/SCALE-OUT.md.
import { createAdapter } from '@socket.io/redis-adapter';
import type { Metrics } from '../metrics.js';
import type { RoomManager } from '../rooms/manager.js';
import type { RoomOutput } from '../rooms/output.js';
import type { Room } from '../rooms/room.js';
import type { SocketLayer } from '../rooms/sockets.js';
import { closeSessions, moveToTeam, replaceSeat, type IoServer } from '../rooms/socket/groups.js';
import { socketOutput } from '../rooms/socket/output.js';
import type { RoomTransport } from '../rooms/transport.js';
import { Bus } from './bus.js';
import { resolveClusterOptions, type ClusterOptions, type ResolvedClusterOptions } from './config.js';
import { Leases } from './lease.js';
import type { JoinGuard } from '../security/join-guard.js';
import { connectRedis, type RedisPair } from './redis.js';
import { RemoteSocket } from './remote-socket.js';
import { Router, type ClusterBus, type Notice, type RouteRequest, type RouteResponse } from './router.js';
import type { Logger } from '../log.js';

export type { ClusterOptions } from './config.js';

export interface ClusterDeps {
  io: IoServer;
  metrics: Metrics;
  clock: () => number;
  log: Logger;
  /** Failed joins and resumes per address (server/security/join-guard.ts): checked and charged where the socket is. */
  joinGuard?: JoinGuard;
}

export class Cluster implements RoomTransport {
  readonly opts: ResolvedClusterOptions;
  readonly leases: Leases;
  private readonly bus: ClusterBus;
  /** This process's rooms and socket layer, once it serves (`serve`). */
  private served: { rooms: RoomManager; sockets: SocketLayer; router: Router } | null = null;
  private readonly takeovers = new Map<string, Promise<'taken' | 'held' | 'gone'>>();
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
      onLost: (code) => this.served?.rooms.relinquish(code),
    });
    this.bus = new Bus({ pub: redis.pub, sub: redis.sub, prefix: opts.prefix, nodeId: opts.nodeId, log: deps.log });
    this.bus.onRequest = (req) => this.answer(req);
    this.bus.onNotice = (notice, from) => this.noticed(notice, from);
    deps.metrics.counter('hostrush_takeovers_total', 'Rooms this process took over from a process that was gone.');
    deps.metrics.gauge('hostrush_rooms_owned', 'Room leases this process holds.', () => this.leases.heldCodes().length);
  }

  /** Connects to Redis and installs the adapter; call before the room manager is made (it reads `ownership`). */
  static async start(options: ClusterOptions, deps: ClusterDeps): Promise<Cluster> {
    const opts = resolveClusterOptions(options);
    const redis = await connectRedis(opts.redisUrl, deps.log);
    const cluster = new Cluster(deps, redis, opts);
    deps.io.adapter(createAdapter(redis.pub, redis.sub, { key: `${opts.prefix}-socket.io` }));
    await cluster.bus.start();
    cluster.leases.start();
    return cluster;
  }

  get nodeId(): string {
    return this.opts.nodeId;
  }

  // ------------------------------------------------------------------ the room transport

  get ownership(): Leases {
    return this.leases;
  }

  /**
   * A room's messages go to its groups through the Redis adapter (every process delivers to its own sockets); team
   * moves and closed sessions act on sockets, so the other processes are told to do them to theirs.
   */
  output(room: Room): RoomOutput {
    const local = socketOutput(this.deps.io, room, this.deps.metrics);
    const code = room.code;
    return {
      ...local,
      setTeam: (playerId, teamId) => {
        local.setTeam(playerId, teamId);
        this.bus.notice({ t: 'team', code, playerId, teamId });
      },
      closePlayer: (playerId, closeCode, message) => {
        local.closePlayer(playerId, closeCode, message);
        this.bus.notice({ t: 'close', code, playerId, closeCode, message });
      },
    };
  }

  /** Every socket gets the socket layer and the router in front of it; orphaned rooms are swept from now on. */
  serve(rooms: RoomManager, sockets: SocketLayer): void {
    const router = new Router({
      nodeId: this.nodeId,
      leaseMs: this.opts.leaseMs,
      rpcTimeoutMs: this.opts.rpcTimeoutMs,
      clock: this.deps.clock,
      metrics: this.deps.metrics,
      log: this.deps.log,
      ...(this.deps.joinGuard ? { joinGuard: this.deps.joinGuard } : {}),
      bus: this.bus,
      leases: this.leases,
      rooms,
      sockets,
      takeover: (code) => this.takeover(code),
      takingOver: (code) => this.takeovers.get(code),
      stopped: () => this.stopped,
    });
    this.served = { rooms, sockets, router };
    this.deps.io.on('connection', (socket) => {
      sockets.connect(socket);
      router.accept(socket);
    });
    this.sweeper = setInterval(() => void this.sweep(), Math.max(200, Math.floor(this.opts.leaseMs / 2)));
    this.sweeper.unref();
  }

  // ------------------------------------------------------------------ the owner's side

  /** A routed event, run by this process's socket layer with a stand-in for the socket, if it owns the room. */
  private async answer(req: RouteRequest): Promise<RouteResponse> {
    const served = this.served;
    if (!served || !served.rooms.rooms.has(req.code) || !this.leases.holds(req.code)) return { notOwner: true };
    const stand = new RemoteSocket(req.socketId, req.rooms, req.session, req.rtt);
    const reply = await stand.run(served.sockets, req.event, req.args, this.opts.rpcTimeoutMs);
    return { notOwner: false, reply, session: stand.data.session, effects: stand.effects };
  }

  /** What the owner of a room did to its own sockets, every other process does to its own. */
  private noticed(notice: Notice, from: string): void {
    const { io } = this.deps;
    // A seat taken up: also on the process that took it (its other sockets on the seat may be here).
    if (notice.t === 'seat') return replaceSeat(io, notice.code, notice.playerId, notice.socketId);
    if (from === this.nodeId) return;
    if (notice.t === 'team') return moveToTeam(io, notice.code, notice.playerId, notice.teamId);
    closeSessions(io, notice.code, notice.playerId, notice.closeCode, notice.message);
    if (notice.playerId === '*') this.served?.router.forgetOwner(notice.code);
  }

  // ------------------------------------------------------------------ takeover

  /** This process's rooms; takeovers and sweeps start once it serves. */
  private get rooms(): RoomManager {
    if (!this.served) throw new Error('cluster: not serving yet');
    return this.served.rooms;
  }

  /** Takes an orphaned room: its lease, then its stored config, seed and log replayed. */
  takeover(code: string): Promise<'taken' | 'held' | 'gone'> {
    const running = this.takeovers.get(code);
    if (running) return running;
    const attempt = (async () => {
      if (this.stopped || !(await this.leases.acquire(code))) return 'held' as const;
      const started = Date.now();
      try {
        const room = await this.rooms.restoreRoom(code);
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
        (code) => !this.rooms.rooms.has(code) && !this.takeovers.has(code),
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
