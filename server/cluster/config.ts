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
