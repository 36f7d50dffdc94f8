import express from 'express';
import compression from 'compression';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Server as IoServerClass } from 'socket.io';
import { CLOSE_CODES, LIMITS, S2C } from '../shared/protocol/index.js';
import { apiRouter, errorHandler, sendError } from './http/api.js';
import { securityHeaders } from './http/security-headers.js';
import { createMetrics, METRIC, type Metrics } from './metrics.js';
import { CLIENT_DIR } from './paths.js';
import { createLogger, type Logger } from './log.js';
import { RoomManager } from './rooms/manager.js';
import { createSocketLayer, type IoServer } from './rooms/sockets.js';
import { localTransport } from './rooms/transport.js';
import { Cluster, type ClusterOptions } from './cluster/index.js';
import { createStorage } from './storage/index.js';
import { DEFAULTS } from './config.js';
import { startRetention } from './storage/retention.js';
import type { Storage } from './storage/types.js';
import {
  AddressLimiter,
  JOIN_FAILURE_RATE,
  PACK_IMPORT_RATE,
  ROOM_CREATE_RATE,
  TEACHER_LOGIN_RATE,
  WORKSHOP_EDIT_RATE,
  SOLO_VERIFY_RATE,
  SOLO_START_RATE,
  type BucketOptions,
} from './security/rate-limit.js';
import { requestAddress, type TrustProxy } from './security/client-address.js';
import { hashToken } from './security/tokens.js';
import { JoinGuard } from './security/join-guard.js';

const clientDir = CLIENT_DIR;

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

/** Same-origin, listed, or no Origin at all (not a browser). */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  listed: string[] | undefined,
): boolean {
  if (!origin) return true;
  if (listed?.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Builds the HTTP and Socket.IO app. Listening is the caller's business, so tests can use port 0. */
export function createApp(options: AppOptions = {}): AppHandle {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? createLogger();
  const metrics = createMetrics();
  const app = express();
  app.disable('x-powered-by');
  const http = createServer(app);
  const io: IoServer = new IoServerClass(http, {
    maxHttpBufferSize: LIMITS.socketMessageBytes,
    // Off: ~10x memory per connection and no pre-encoded broadcast frame (see the performance issue).
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    cors: options.corsOrigins ? { origin: options.corsOrigins } : { origin: false },
    // Browsers apply no CORS to WebSockets: refuse a page from another site (its Origin names another host) unless
    // it is listed. Clients that send no Origin (apps, tests, the load generator) are not browsers and may connect.
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, options.corsOrigins)),
    connectionStateRecovery: undefined,
    // Long-polling needs sticky sessions: several processes without them accept WebSocket only.
    ...(options.transports
      ? { transports: options.transports }
      : options.cluster
        ? { transports: ['websocket' as const] }
        : {}),
  });

  app.set('trust proxy', options.trustProxy ?? false);
  const limits = {
    rooms: new AddressLimiter(options.roomCreateRate ?? ROOM_CREATE_RATE, 'rooms'),
    solo: new AddressLimiter(options.soloStartRate ?? SOLO_START_RATE, 'solo runs'),
    imports: new AddressLimiter(options.packImportRate ?? PACK_IMPORT_RATE, 'pack imports'),
    verify: new AddressLimiter(options.soloVerifyRate ?? SOLO_VERIFY_RATE, 'solo log checks'),
    logins: new AddressLimiter(options.teacherLoginRate ?? TEACHER_LOGIN_RATE, 'teacher logins'),
    edits: new AddressLimiter(options.workshopEditRate ?? WORKSHOP_EDIT_RATE, 'workshop saves'),
  };
  for (const limiter of Object.values(limits))
    limiter.onRefused = () => metrics.inc(METRIC.budgetRefusals, { budget: limiter.name });
  const joinFailures = new AddressLimiter(options.joinFailureRate ?? JOIN_FAILURE_RATE, 'failed joins');
  const joinGuard = new JoinGuard(joinFailures, metrics, (req) => requestAddress(app, req), log);
  app.use(securityHeaders(options.publicUrl));
  app.use((req, res, next) => {
    // CORS closed by default: only listed origins get the header (same-origin needs none).
    const origin = req.get('origin');
    if (origin && options.corsOrigins?.includes(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
    res.on('finish', () => metrics.inc(METRIC.http, { status: `${Math.floor(res.statusCode / 100)}xx` }));
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // For balancers: 200 once started and while the database (and, with several processes, Redis) answer within a
  // second; 503 before, during a shutdown, or when one does not (the body says which). /healthz only says the
  // process runs.
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | 'down' | 'timeout' | 'starting' | 'stopping'> = {};
    const probe = async (name: string, ping: () => Promise<void>) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 1000)));
      checks[name] = await Promise.race([
        ping().then(
          () => 'ok' as const,
          () => 'down' as const,
        ),
        timeout,
      ]);
      clearTimeout(timer);
    };
    if (closing) checks.server = 'stopping';
    else if (!started || !storage) checks.server = 'starting';
    else {
      const [db, node] = [storage, cluster];
      await Promise.all([
        probe('database', () => db.ping()),
        ...(node ? [probe('redis', () => node.pingRedis())] : []),
      ]);
    }
    const ok = Object.values(checks).every((c) => c === 'ok');
    res.status(ok ? 200 : 503).json({ ok, ...checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });

  let manager: RoomManager | null = null;
  let storage: Storage | null = null;
  let cluster: Cluster | null = null;
  let stopRetention = () => {};
  const ready = (async () => {
    storage =
      options.storage ??
      (await createStorage({
        ...(options.pgSchema ? { pgSchema: options.pgSchema } : {}),
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
        ...(options.sqlitePath ? { sqlitePath: options.sqlitePath } : {}),
      }));
    if (options.retentionDays !== undefined) stopRetention = startRetention(storage, options.retentionDays, log);
    if (options.cluster && storage.kind !== 'postgres') {
      if (!options.storage) await storage.close();
      throw new Error(
        'REDIS_URL is set (several processes) but the storage is SQLite, which other processes cannot share: ' +
          'set DATABASE_URL=postgres://... so every process uses the same database (see docs/SCALE-OUT.md).',
      );
    }
    // Who owns each room and where its sockets are: this process alone, or one of several (docs/SCALE-OUT.md).
    if (options.cluster) {
      cluster = await Cluster.start(options.cluster, { io, metrics, clock, log, joinGuard });
      // One budget per address for every process (docs/SECURITY.md, "Flood"): kept in the cluster's Redis.
      for (const limiter of [...Object.values(limits), joinFailures]) limiter.share(cluster.budgetStore);
    }
    const transport = cluster ?? localTransport(io, metrics);
    manager = new RoomManager({
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
    const sockets = createSocketLayer(io, manager, {
      clock,
      metrics,
      log,
      ...(options.socketRate ? { rate: options.socketRate } : {}),
      // Several processes: on unless the cluster's option says otherwise; one process: only when asked.
      durableAcks: cluster ? cluster.opts.durableAcks : options.durableAcks === true,
      creation: {
        rooms: limits.rooms,
        solo: limits.solo,
        addressOf: (req: IncomingMessage) => requestAddress(app, req),
      },
      joinGuard,
    });
    // Before the rooms are restored: other processes may route events to a room as soon as this one takes it. (The
    // server listens only once `ready` resolves, so no socket of its own connects before the rooms are back.)
    transport.serve(manager, sockets);
    if (options.restore !== false) {
      const restored = await manager.restore();
      const which = cluster ? 'active room(s) no other process owned' : 'active room(s)';
      if (restored > 0) log.info({ restored }, `restored ${restored} ${which}`);
    }
  })();
  ready.catch((error: unknown) => log.error({ err: error }, 'the server could not start'));
  let started = false;
  void ready.then(
    () => (started = true),
    () => {},
  );

  let api: express.Router | null = null;
  app.use('/api', async (req, res, next) => {
    try {
      await ready;
    } catch {
      return sendError(res, metrics, 'storage/failed', 'The server is not ready.');
    }
    api ??= apiRouter({
      manager: manager!,
      storage: storage!,
      metrics,
      clock,
      log,
      limits,
      operatorKeyHash: options.operatorKey ? hashToken(options.operatorKey) : null,
      teacherPasswordHash: options.teacherPassword ? hashToken(options.teacherPassword) : null,
      publicUrl: options.publicUrl ?? null,
      listening: () => http.address(),
    });
    api(req, res, next);
  });

  if (existsSync(clientDir)) {
    // The client's files, compressed (a phone on classroom Wi-Fi downloads ~50 KB of script, not ~150 KB) and,
    // where Vite put a content hash in the name (assets/), cached for good: a new build makes new names.
    app.use(compression());
    app.use(
      express.static(clientDir, {
        index: 'index.html',
        setHeaders: (res, path) => {
          if (path.includes(`${sep}assets${sep}`))
            res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // Client-side routes (/join/123456, /host/...) all load the single page.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(join(clientDir, 'index.html'));
    });
  }
  app.use(errorHandler(metrics));

  let closing: Promise<void> | null = null;
  return {
    http,
    io,
    metrics,
    ready,
    manager: () => {
      if (!manager) throw new Error('the app is not ready');
      return manager;
    },
    cluster: () => cluster,
    close: () =>
      (closing ??= (async () => {
        await ready.catch(() => {});
        stopRetention();
        await manager?.close();
        // Leases go right after the rooms are stored, so another process can take them over at once.
        await cluster?.releaseAll();
        // Every device here learns why its connection ends: `shutdown` keeps its seat, and it resumes once it has
        // reconnected (to this server restarted, or through the balancer to another process). Only this process's
        // sockets (local): in multi-process mode a broadcast would reach the other processes' devices too.
        io.local.emit(S2C.sessionClosed, {
          code: CLOSE_CODES.shutdown,
          message: 'The server is restarting: this page reconnects by itself.',
        });
        // Drop the connections (not a Socket.IO disconnect, which clients do not retry; after the message above is
        // written) so clients reconnect, through the balancer, to a live process and resume there.
        for (const socket of io.sockets.sockets.values()) socket.conn.close();
        await new Promise<void>((resolve) => void io.close(() => resolve()));
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
        await cluster?.quit();
        if (!options.storage) await storage?.close();
      })()),
  };
}
