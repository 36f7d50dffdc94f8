// The server's start, after the HTTP and Socket.IO servers exist: storage opened, the cluster joined (several
// processes), the rooms' manager and socket layer wired to where the sockets are, active rooms restored.
import type { IncomingMessage } from 'node:http';
import type { AppOptions } from './app.js';
import { Cluster } from './cluster/index.js';
import { DEFAULTS } from './config.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { RoomManager } from './rooms/manager.js';
import { createSocketLayer, type IoServer, type SocketLayer } from './rooms/sockets.js';
import { localTransport, type RoomTransport } from './rooms/transport.js';
import { allBudgets, type AddressBudgets } from './security/budgets.js';
import type { JoinGuard } from './security/join-guard.js';
import { createStorage } from './storage/index.js';
import { startRetention } from './storage/retention.js';
import type { Storage } from './storage/types.js';

/** What the start has opened so far, filled in as it goes: a start that fails half way still closes what it opened. */
export interface Running {
  storage: Storage | null;
  cluster: Cluster | null;
  manager: RoomManager | null;
  stopRetention: () => void;
  /** True once the start has finished. */
  started: boolean;
}

export function nothingRunning(): Running {
  return { storage: null, cluster: null, manager: null, stopRetention: () => {}, started: false };
}

export interface StartDeps {
  options: AppOptions;
  io: IoServer;
  metrics: Metrics;
  clock: () => number;
  log: Logger;
  budgets: AddressBudgets;
  joinGuard: JoinGuard;
  /** A request's client address, as 'trust proxy' says to read it. */
  addressOf: (req: IncomingMessage) => string;
}

export async function startUp(running: Running, deps: StartDeps): Promise<void> {
  const { options, log } = deps;
  const storage = (running.storage = options.storage ?? (await openStorage(options)));
  if (options.retentionDays !== undefined) running.stopRetention = startRetention(storage, options.retentionDays, log);
  if (options.cluster && storage.kind !== 'postgres') {
    if (!options.storage) await storage.close();
    throw new Error(
      'REDIS_URL is set (several processes) but the storage is SQLite, which other processes cannot share: ' +
        'set DATABASE_URL=postgres://... so every process uses the same database (see docs/SCALE-OUT.md).',
    );
  }
  // Who owns each room and where its sockets are: this process alone, or one of several (docs/SCALE-OUT.md).
  if (options.cluster) {
    const { io, metrics, clock, joinGuard } = deps;
    running.cluster = await Cluster.start(options.cluster, { io, metrics, clock, log, joinGuard });
    // One budget per address for every process (docs/SECURITY.md, "Flood"): kept in the cluster's Redis.
    for (const limiter of allBudgets(deps.budgets)) limiter.share(running.cluster.budgetStore);
  }
  const transport = running.cluster ?? localTransport(deps.io, deps.metrics);
  const manager = (running.manager = createManager(storage, transport, deps));
  // Before the rooms are restored: other processes may route events to a room as soon as this one takes it. (The
  // server listens only once `ready` resolves, so no socket of its own connects before the rooms are back.)
  transport.serve(manager, createSockets(manager, running.cluster, deps));
  if (options.restore !== false) {
    const restored = await manager.restore();
    const which = running.cluster ? 'active room(s) no other process owned' : 'active room(s)';
    if (restored > 0) log.info({ restored }, `restored ${restored} ${which}`);
  }
}

/** The default storage: PostgreSQL at `databaseUrl`, else SQLite at `sqlitePath`. */
function openStorage(options: AppOptions): Promise<Storage> {
  return createStorage({
    ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.sqlitePath ? { sqlitePath: options.sqlitePath } : {}),
  });
}

function createManager(storage: Storage, transport: RoomTransport, deps: StartDeps): RoomManager {
  const { options, metrics, clock, log } = deps;
  return new RoomManager({
    storage,
    metrics,
    clock,
    maxRooms: options.maxRooms ?? 2000,
    maxPlayersPerRoom: options.maxPlayersPerRoom ?? DEFAULTS.maxPlayersPerRoom,
    finishedTtlMs: options.finishedTtlMs ?? 10 * 60_000,
    idleTtlMs: options.idleTtlMs ?? 6 * 3600_000,
    emptyIdleTtlMs: options.emptyIdleTtlMs ?? 30 * 60_000,
    log,
    transport,
  });
}

function createSockets(manager: RoomManager, cluster: Cluster | null, deps: StartDeps): SocketLayer {
  const { options, io, metrics, clock, log, budgets, joinGuard, addressOf } = deps;
  return createSocketLayer(io, manager, {
    clock,
    metrics,
    log,
    ...(options.socketRate ? { rate: options.socketRate } : {}),
    // Several processes: on unless the cluster's option says otherwise; one process: only when asked.
    durableAcks: cluster ? cluster.opts.durableAcks : options.durableAcks === true,
    creation: { rooms: budgets.making.rooms, solo: budgets.making.solo, addressOf },
    joinGuard,
  });
}
