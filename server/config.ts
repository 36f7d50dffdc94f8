// The server's configuration: every environment variable it reads, read and checked here once at start (a zod
// schema of the environment), and nowhere else on the way from `npm start` to a listening server. Each variable is
// in the README's Configuration table. A bad value stops the start with every problem listed at once; an unknown
// HOSTRUSH_* variable (a typo, or one a newer version reads) is warned about and otherwise ignored.
import { z } from 'zod';
import type { AppOptions } from './app.js';
import type { ClusterOptions } from './cluster/config.js';
import { trustProxyFromEnv, type TrustProxy } from './security/client-address.js';
import { DEFAULT_SQLITE_PATH } from './storage/index.js';
import { LOG_LEVELS, type LevelWithSilent } from './log.js';
import { retentionDaysFromEnv } from './storage/retention.js';

/** The defaults of the limits that are variables (also what createApp uses when a test passes none). */
export const DEFAULTS = {
  port: 3000,
  maxRooms: 2000,
  // Issue 17: 4,100 players measured in one room on one core (docs/BENCHMARKS.md); past the cap, `room/full`.
  maxPlayersPerRoom: 5000,
  shutdownTimeoutMs: 10_000,
} as const;

/** Empty or blank is unset (`VAR= npm start` turns a variable off, as a shell user expects). */
const unsetIfBlank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfBlank, schema.optional());

function integer(min: number, max: number, what: string) {
  return z
    .string()
    .regex(/^\d+$/, { message: `must be a whole number (${what})` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: `must be at least ${min} (${what})` })
        .max(max, { message: `must be at most ${max} (${what})` }),
    );
}

/** A comma-separated list, blanks dropped, at least one item. */
function list<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, { message: 'must list at least one item, separated by commas' }));
}

/** Parses with one of the modules' own readers (they throw an Error whose message names the variable). */
function via<T>(read: (value: string) => T) {
  return z.string().transform((value, ctx): T => {
    try {
      return read(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

export const ENV_SCHEMA = z.object({
  PORT: optional(integer(0, 65535, 'the HTTP and Socket.IO port')),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//i, {
      message: 'must be a postgres:// or postgresql:// address; unset it for SQLite',
    }),
  ),
  SQLITE_PATH: optional(z.string()),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//i, { message: 'must be a redis:// or rediss:// address' })),
  TRUST_PROXY: optional(via<TrustProxy | undefined>((v) => trustProxyFromEnv(v))),
  PUBLIC_URL: optional(z.string().regex(/^https?:\/\/[^/\s]+/, { message: 'must be an http:// or https:// address' })),
  HOSTRUSH_OPERATOR_KEY: optional(
    z.string().min(20, { message: 'must be at least 20 characters (it guards every answer key)' }),
  ),
  HOSTRUSH_TEACHER_PASSWORD: optional(
    z.string().min(8, { message: 'must be at least 8 characters (it admits teachers to the workshop)' }).max(256),
  ),
  RETENTION_DAYS: optional(via((v) => retentionDaysFromEnv({ RETENTION_DAYS: v }))),
  HOSTRUSH_DURABLE_ACKS: optional(z.enum(['0', '1'], { message: "must be '1' (on) or '0' (off)" })),
  CORS_ORIGINS: optional(
    list(
      z
        .string()
        .regex(/^https?:\/\/[^/\s]+$/, { message: 'each must be an origin such as https://quiz.school.example' }),
    ),
  ),
  SOCKET_TRANSPORTS: optional(list(z.enum(['websocket', 'polling'], { message: 'each must be websocket or polling' }))),
  HOSTRUSH_PG_SCHEMA: optional(
    z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL schema name' }),
  ),
  HOSTRUSH_NODE_ID: optional(z.string().max(100)),
  HOSTRUSH_REDIS_PREFIX: optional(z.string().max(100)),
  HOSTRUSH_LEASE_MS: optional(integer(300, 600_000, 'milliseconds a room lease lives without renewal')),
  HOSTRUSH_MAX_ROOMS: optional(integer(1, 1_000_000, 'rooms this process holds at once')),
  HOSTRUSH_MAX_PLAYERS_PER_ROOM: optional(integer(1, 1_000_000, 'players in one room')),
  HOSTRUSH_SHUTDOWN_TIMEOUT_MS: optional(integer(100, 600_000, 'milliseconds a graceful shutdown may take')),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS as [LevelWithSilent, ...LevelWithSilent[]], {
      message: `must be one of ${LOG_LEVELS.join(', ')}`,
    }),
  ),
});

/** Every variable the server reads (the README's Configuration table lists each; a test checks it does). */
export const KNOWN_VARIABLES: readonly string[] = Object.keys(ENV_SCHEMA.shape);

export interface Config {
  port: number;
  /** How long SIGTERM/SIGINT may take to store, release and close before the process exits anyway (code 1). */
  shutdownTimeoutMs: number;
  /** LOG_LEVEL: the lowest level of the lines logged (server/log.ts; default info). */
  logLevel: LevelWithSilent;
  /** What createApp is given (main.ts adds the logger). */
  app: AppOptions;
}

/** A configuration the server cannot start with; `problems` has one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`the configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and checks the environment. Returns the configuration and the warnings to print (unknown HOSTRUSH_*
 * variables, settings that do nothing in this mode); throws a ConfigError listing every bad variable.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): {
  config: Config;
  warnings: string[];
} {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}${shown(env, issue.path[0])}`),
    );
  }
  const e = parsed.data;
  const warnings = Object.keys(env)
    .filter((name) => name.startsWith('HOSTRUSH_') && !KNOWN_VARIABLES.includes(name))
    .sort()
    .map(
      (name) =>
        `unknown variable ${name} is ignored ` +
        `(HostRush reads: ${KNOWN_VARIABLES.filter((k) => k.startsWith('HOSTRUSH_')).join(', ')})`,
    );
  if (e.DATABASE_URL && e.SQLITE_PATH)
    warnings.push('SQLITE_PATH is ignored: DATABASE_URL is set, so games are stored in PostgreSQL');

  const cluster: ClusterOptions | undefined = e.REDIS_URL
    ? {
        redisUrl: e.REDIS_URL,
        ...(e.HOSTRUSH_NODE_ID ? { nodeId: e.HOSTRUSH_NODE_ID } : {}),
        ...(e.HOSTRUSH_REDIS_PREFIX ? { prefix: e.HOSTRUSH_REDIS_PREFIX } : {}),
        ...(e.HOSTRUSH_LEASE_MS !== undefined ? { leaseMs: e.HOSTRUSH_LEASE_MS } : {}),
        // Several processes: on unless '0'.
        ...(e.HOSTRUSH_DURABLE_ACKS === '0' ? { durableAcks: false } : {}),
      }
    : undefined;
  const app: AppOptions = {
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : { sqlitePath: e.SQLITE_PATH ?? DEFAULT_SQLITE_PATH }),
    retentionDays: e.RETENTION_DAYS === undefined ? retentionDaysFromEnv({}) : e.RETENTION_DAYS,
    maxRooms: e.HOSTRUSH_MAX_ROOMS ?? DEFAULTS.maxRooms,
    maxPlayersPerRoom: e.HOSTRUSH_MAX_PLAYERS_PER_ROOM ?? DEFAULTS.maxPlayersPerRoom,
    ...(e.CORS_ORIGINS ? { corsOrigins: e.CORS_ORIGINS } : {}),
    ...(cluster ? { cluster } : {}),
    ...(e.HOSTRUSH_PG_SCHEMA ? { pgSchema: e.HOSTRUSH_PG_SCHEMA } : {}),
    ...(e.SOCKET_TRANSPORTS ? { transports: e.SOCKET_TRANSPORTS } : {}),
    ...(e.TRUST_PROXY !== undefined ? { trustProxy: e.TRUST_PROXY } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.HOSTRUSH_OPERATOR_KEY ? { operatorKey: e.HOSTRUSH_OPERATOR_KEY } : {}),
    ...(e.HOSTRUSH_TEACHER_PASSWORD ? { teacherPassword: e.HOSTRUSH_TEACHER_PASSWORD } : {}),
    // One process: off unless '1' (several processes read it above).
    ...(!cluster && e.HOSTRUSH_DURABLE_ACKS === '1' ? { durableAcks: true } : {}),
  };
  return {
    config: {
      port: e.PORT ?? DEFAULTS.port,
      shutdownTimeoutMs: e.HOSTRUSH_SHUTDOWN_TIMEOUT_MS ?? DEFAULTS.shutdownTimeoutMs,
      logLevel: e.LOG_LEVEL ?? 'info',
      app,
    },
    warnings,
  };
}

/**
 * The value as given, for the message, except secrets (the operator key, the teacher password) and database URLs
 * (they may hold a password).
 */
function shown(env: Record<string, string | undefined>, key: PropertyKey | undefined): string {
  if (typeof key !== 'string' || /KEY|PASSWORD|DATABASE_URL|REDIS_URL/.test(key)) return '';
  return ` (got '${env[key]}')`;
}
