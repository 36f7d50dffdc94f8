// Multi-process mode settings (see docs/SCALE-OUT.md). Off unless REDIS_URL is set.
import { hostname } from 'node:os';
import { nanoid } from 'nanoid';

export interface ClusterOptions {
  /** redis://host:port of the Redis shared by every process. */
  redisUrl: string;
  /** This process's id in leases and channel names (default: host-pid-random, unique per start). */
  nodeId?: string;
  /** Prefix of every Redis key and channel (default 'hostrush'); the Socket.IO adapter uses `<prefix>-socket.io`. */
  prefix?: string;
  /** How long a room lease lives without renewal (default 3000 ms); renewed every third of it. */
  leaseMs?: number;
  /** How long a process waits for a room's owner to answer a routed event (default 3000 ms). */
  rpcTimeoutMs?: number;
  /**
   * Acknowledge an accepted action only once it is stored, so an acked answer survives the owner's death
   * (default true; costs a database write per ack, batched).
   */
  durableAcks?: boolean;
}

export interface ResolvedClusterOptions {
  redisUrl: string;
  nodeId: string;
  prefix: string;
  leaseMs: number;
  rpcTimeoutMs: number;
  durableAcks: boolean;
}

export function resolveClusterOptions(opts: ClusterOptions): ResolvedClusterOptions {
  const leaseMs = Math.max(300, opts.leaseMs ?? 3000);
  return {
    redisUrl: opts.redisUrl,
    nodeId: opts.nodeId ?? `${hostname()}-${process.pid}-${nanoid(6)}`,
    prefix: opts.prefix ?? 'hostrush',
    leaseMs,
    rpcTimeoutMs: opts.rpcTimeoutMs ?? 3000,
    durableAcks: opts.durableAcks ?? true,
  };
}

/** Reads REDIS_URL, HOSTRUSH_NODE_ID, HOSTRUSH_REDIS_PREFIX, HOSTRUSH_LEASE_MS; null when REDIS_URL is unset. */
export function clusterOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ClusterOptions | null {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return null;
  const leaseMs = Number(env.HOSTRUSH_LEASE_MS);
  return {
    redisUrl,
    ...(env.HOSTRUSH_NODE_ID ? { nodeId: env.HOSTRUSH_NODE_ID } : {}),
    ...(env.HOSTRUSH_REDIS_PREFIX ? { prefix: env.HOSTRUSH_REDIS_PREFIX } : {}),
    ...(Number.isFinite(leaseMs) && leaseMs > 0 ? { leaseMs } : {}),
    ...(env.HOSTRUSH_DURABLE_ACKS === '0' ? { durableAcks: false } : {}),
  };
}
