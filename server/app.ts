// The HTTP and Socket.IO app: its options, and the parts wired together. Each part has its own file: the Socket.IO
// server (http/io-server.ts), the headers and counts every request gets (http/security-headers.ts, http/common.ts),
// the operator's endpoints (http/operator.ts), the API (http/api.ts), the client's files (http/client-files.ts),
// the start (startup.ts) and the shutdown (shutdown.ts).
import express, { type Express } from 'express';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { apiRouter, type ApiDeps } from './http/api.js';
import { errorHandler, sendError } from './http/replies.js';
import { corsForListed, countResponses } from './http/common.js';
import { serveClient } from './http/client-files.js';
import { createIoServer } from './http/io-server.js';
import { operatorRoutes, type ServerState } from './http/operator.js';
import { securityHeaders } from './http/security-headers.js';
import { createMetrics, type Metrics } from './metrics.js';
import { CLIENT_DIR } from './paths.js';
import { createLogger, type Logger } from './log.js';
import type { RoomManager } from './rooms/manager.js';
import type { IoServer } from './rooms/sockets.js';
import type { Cluster, ClusterOptions } from './cluster/index.js';
import type { Storage } from './storage/types.js';
import type { BucketOptions } from './security/rate-limit.js';
import { addressBudgets } from './security/budgets.js';
import { requestAddress, type TrustProxy } from './security/client-address.js';
import { hashToken } from './security/tokens.js';
import { JoinGuard } from './security/join-guard.js';
import { shutDown } from './shutdown.js';
import { nothingRunning, startUp, type Running } from './startup.js';

export interface AppOptions {
  /** Storage to use; by default one at `databaseUrl`, else SQLite at `sqlitePath` (default data/hostrush.db). */
  storage?: Storage;
  /** The authority's clock (ms). Tests may inject one; defaults to Date.now. */
  clock?: () => number;
  /** Origins allowed by CORS; none by default (the client is served by this server). */
  corsOrigins?: string[];
  maxRooms?: number;
  maxPlayersPerRoom?: number;
  /** Bring back active rooms from storage at start (default true). */
  restore?: boolean;
  finishedTtlMs?: number;
  idleTtlMs?: number;
  /** Rooms nobody joined and solo runs: dropped after this long without an action (default 30 min). */
  emptyIdleTtlMs?: number;
  /** The server's log (server/log.ts, pino): by default one at info level on stdout/stderr. Tests pass silentLogger. */
  log?: Logger;
  /** Per-socket event budget (default 20 events/s, burst 40). */
  socketRate?: BucketOptions;
  /**
   * Per client address budgets for making things (docs/SECURITY.md, "Flood"), each process its own: classroom and
   * team rooms by socket or HTTP (default burst 30, then 1 per 20 s), solo runs (burst 200, then 1 per 4 s), pack
   * imports (burst 20, then 1 per 30 s). Over one: `rate/limited` (HTTP 429).
   */
  roomCreateRate?: BucketOptions;
  soloStartRate?: BucketOptions;
  packImportRate?: BucketOptions;
  /** Solo log checks per address (POST /api/solo/verify; default burst 60, then 1 per 2 s). */
  soloVerifyRate?: BucketOptions;
  /** Failed joins and resumes per address (default burst 300, then 1 per s; server/security/join-guard.ts). */
  joinFailureRate?: BucketOptions;
  /**
   * Which proxies to believe about the client's address (TRUST_PROXY): Express's 'trust proxy' value, for HTTP
   * (`req.ip`) and the Socket.IO handshake alike. Unset: the TCP peer, X-Forwarded-For ignored.
   */
  trustProxy?: TrustProxy;
  /**
   * HOSTRUSH_OPERATOR_KEY: whoever sends it in `x-operator-key` runs this server: lists, exports and shares every
   * pack (docs/SECURITY.md, "The answer key"). Unset: nobody is an operator.
   */
  operatorKey?: string;
  /**
   * HOSTRUSH_TEACHER_PASSWORD: a host key must be admitted with it (POST /api/workshop/login) before it uses the
   * workshop or imports a pack. Unset: every host key is a teacher (a one-teacher laptop, no login).
   */
  teacherPassword?: string;
  /** Teacher password attempts per address (default burst 10, then 1 per 10 s). */
  teacherLoginRate?: BucketOptions;
  /** Workshop saves and copies per address (default burst 120, then 1 per s). */
  workshopEditRate?: BucketOptions;
  /** PUBLIC_URL: the address students open (a name of its own, behind a proxy); the host's join link uses it. */
  publicUrl?: string;
  /**
   * Multi-process mode (docs/SCALE-OUT.md): the Socket.IO Redis adapter, a Redis lease per room, events routed to
   * each room's owner, takeover of rooms whose owner died. Needs shared storage (PostgreSQL).
   */
  cluster?: ClusterOptions;
  /**
   * One process: ack an accepted action only once it is stored (HOSTRUSH_DURABLE_ACKS=1). Off by default: then the
   * log is written every 20 ms, so a crash may lose the answers acked in its last 20 ms (their players see the
   * question open again on rejoin and can answer anew), and a burst of 2,000 answers is acked within the 150 ms
   * goal; on, each event-loop turn with new actions is one SQLite transaction (~30 us) before its acks (measured
   * in docs/BENCHMARKS.md). Several processes: the cluster's own `durableAcks` option, on by default.
   */
  durableAcks?: boolean;
  /**
   * engine.io's heartbeat: it pings every socket this often (default 25 s), and a socket that misses its pong is
   * dropped; each pong is also a sample of the socket's round trip for fair timing (server/rooms/socket/ping.ts).
   */
  heartbeatMs?: number;
  /** PostgreSQL schema for the default storage (side-by-side deployments, tests). */
  pgSchema?: string;
  /**
   * The default storage's database (server/config.ts passes one): PostgreSQL at this URL, else SQLite at
   * `sqlitePath`.
   */
  databaseUrl?: string;
  sqlitePath?: string;
  /** Socket.IO transports accepted; default both, websocket only in multi-process mode (no sticky sessions). */
  transports?: Array<'websocket' | 'polling'>;
  /** Purge finished games and solo runs older than this many days, at start and daily; null keeps everything. */
  retentionDays?: number | null;
}

export interface AppHandle {
  http: HttpServer;
  io: IoServer;
  metrics: Metrics;
  /** Resolves once storage is open and active rooms are restored. */
  ready: Promise<void>;
  manager(): RoomManager;
  /** The multi-process part, when `cluster` was given (after `ready`). */
  cluster(): Cluster | null;
  close(): Promise<void>;
}

/** Builds the HTTP and Socket.IO app. Listening is the caller's business, so tests can use port 0. */
export function createApp(options: AppOptions = {}): AppHandle {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? createLogger();
  const metrics = createMetrics();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  const http = createServer(app);
  const io = createIoServer(http, options);
  const budgets = addressBudgets(options, metrics);
  const addressOf = (req: IncomingMessage) => requestAddress(app, req);
  const joinGuard = new JoinGuard(budgets.joinFailures, metrics, addressOf, log);

  const running = nothingRunning();
  const ready = startUp(running, { options, io, metrics, clock, log, budgets, joinGuard, addressOf });
  ready.catch((error: unknown) => log.error({ err: error }, 'the server could not start'));
  void ready.then(
    () => (running.started = true),
    () => {},
  );
  let closing: Promise<void> | null = null;

  app.use(securityHeaders(options.publicUrl));
  app.use(corsForListed(options.corsOrigins), countResponses(metrics));
  operatorRoutes(app, metrics, () => serverState(running, closing !== null));
  mountApi(app, ready, metrics, () => ({
    manager: running.manager!,
    storage: running.storage!,
    metrics,
    clock,
    log,
    limits: budgets.making,
    operatorKeyHash: options.operatorKey ? hashToken(options.operatorKey) : null,
    teacherPasswordHash: options.teacherPassword ? hashToken(options.teacherPassword) : null,
    publicUrl: options.publicUrl ?? null,
    listening: () => http.address(),
  }));
  if (existsSync(CLIENT_DIR)) serveClient(app, CLIENT_DIR);
  app.use(errorHandler(metrics));

  return {
    http,
    io,
    metrics,
    ready,
    manager: () => {
      if (!running.manager) throw new Error('the app is not ready');
      return running.manager;
    },
    cluster: () => running.cluster,
    close: () => (closing ??= shutDown({ http, io, ready, running, ownsStorage: !options.storage })),
  };
}

/** What /readyz reports: stopping, starting, or the database (and the cluster's Redis) to ping. */
function serverState(running: Running, closing: boolean): ServerState {
  if (closing) return 'stopping';
  const { started, storage, cluster } = running;
  if (!started || !storage) return 'starting';
  return {
    probes: {
      database: () => storage.ping(),
      ...(cluster ? { redis: () => cluster.pingRedis() } : {}),
    },
  };
}

/** /api waits for the start (storage open, rooms restored); its router is built once, at the first request. */
function mountApi(app: Express, ready: Promise<void>, metrics: Metrics, deps: () => ApiDeps): void {
  let api: express.Router | null = null;
  app.use('/api', async (req, res, next) => {
    try {
      await ready;
    } catch {
      return sendError(res, metrics, 'storage/failed', 'The server is not ready.');
    }
    api ??= apiRouter(deps());
    api(req, res, next);
  });
}
