// The cluster bench's server processes: server/main.ts (through bench/cluster/server-child.ts) pinned to core 0 like
// bench/load's server, each on a port of its own, configured by the environment as a deployment would be. Also the
// run's private storage: a fresh PostgreSQL schema and Redis prefix, dropped at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createClient } from 'redis';
import { canPin, metricValue } from '../load/proc.js';
import { procCpuMs, procRssBytes } from '../load/proc.js';
import { within } from '../load/stats.js';
import { statsAsker, type StatsReply } from '../load/child-ipc.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const childFile = fileURLToPath(new URL('server-child.ts', import.meta.url));

/** Children still running: SIGKILLed if the bench process exits before stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class ServerNode {
  url = '';
  readonly output: string[] = [];
  readonly exited: Promise<void>;
  private readonly askStats: ReturnType<typeof statsAsker>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    const keep = (chunk: Buffer | string) => {
      // Bounded: a flood of server logs must not fill the bench's memory.
      if (this.output.length < 300) this.output.push(...String(chunk).split('\n').filter(Boolean));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.askStats = statsAsker(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the server and resolves once it says which port it serves on (rejects after `timeoutMs`). */
  static async start(name: string, env: Record<string, string | undefined>, timeoutMs = 30_000): Promise<ServerNode> {
    const nodeArgs = ['--expose-gc', '--import', 'tsx', childFile];
    const [cmd, args] = canPin ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
    const childEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...env, PORT: '0', NODE_ENV: 'production' })) {
      if (v !== undefined) childEnv[k] = v;
    }
    const child = spawn(cmd, args, {
      cwd: root,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    live.add(child);
    child.once('exit', () => live.delete(child));
    const node = new ServerNode(name, child);
    const ready = new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        const m = /serving on (http:\/\/localhost:\d+)/.exec(String(chunk));
        if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
      };
      child.stdout?.on('data', onData);
      void node.exited.then(() =>
        reject(new Error(`${name} exited before serving: ${node.output.slice(-5).join(' | ')}`)),
      );
    });
    const url = await within(
      ready.catch((error: unknown) => (error instanceof Error ? error.message : String(error))),
      timeoutMs,
      () => `${name} not serving after ${timeoutMs} ms: ${node.output.slice(-5).join(' | ')}`,
    );
    if (!url.startsWith('http://')) {
      node.kill9();
      throw new Error(url);
    }
    node.url = url;
    return node;
  }

  /** CPU and memory as the process sees them (optionally after a full GC); null if it does not answer in time. */
  stats(gc = false, timeoutMs = 10_000): Promise<StatsReply | null> {
    return this.askStats(gc, timeoutMs);
  }

  /** utime + stime of this node's process, in ms. The pid is taskset's, which execs node. */
  procCpuMs(): number {
    return procCpuMs(this.pid);
  }

  /** Resident memory of this node's process, in bytes. */
  procRssBytes(): number {
    return procRssBytes(this.pid);
  }

  async metric(name: string, labels: Record<string, string> = {}): Promise<number> {
    try {
      const res = await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(5000) });
      return res.ok ? metricValue(await res.text(), name, labels) : Number.NaN;
    } catch {
      return Number.NaN;
    }
  }

  kill9(): void {
    if (this.alive) this.child.kill('SIGKILL');
  }

  /** SIGTERM (the server stores what is pending and releases its leases), SIGKILL after 5 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill9(), 5000);
    await within(this.exited, 8000, () => undefined);
    clearTimeout(timer);
    this.kill9();
  }
}

/** Rejects with `what` after `ms` (every wait is bounded). */
export function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A run's private storage names: nothing another run, test or deployment uses. */
export function runNames(tag: string): { schema: string; prefix: string } {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { schema: `bench_cluster_${id}_${tag}`, prefix: `hostrush-bench-${id}-${tag}` };
}

/** Answer actions stored in the room's log in PostgreSQL, per question id. */
export async function storedAnswers(
  databaseUrl: string,
  schema: string,
  roomCode: string,
): Promise<Map<string, number>> {
  const db = new pg.Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  const out = new Map<string, number>();
  try {
    await bounded(db.connect(), 5000, 'PostgreSQL: connect timed out');
    const { rows } = await db.query<{ q: string; n: string }>(
      "SELECT action->>'questionId' AS q, count(*) AS n FROM room_actions " +
        "WHERE room_code = $1 AND action->>'type' = 'answer' GROUP BY 1",
      [roomCode],
    );
    for (const r of rows) out.set(r.q, Number(r.n));
  } finally {
    await within(db.end(), 3000, () => undefined).catch(() => undefined);
  }
  return out;
}

/** Redis's own CPU (user + sys, ms) from INFO cpu; NaN when Redis is not reachable. Redis is shared with others. */
export async function redisCpuMs(redisUrl: string | undefined): Promise<number> {
  if (!redisUrl) return Number.NaN;
  const redis = createClient({ url: redisUrl, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  redis.on('error', () => {});
  try {
    await bounded(redis.connect(), 4000, 'timeout');
    const info = await within(redis.info('cpu'), 3000, () => '');
    const get = (k: string) => Number(new RegExp(`${k}:([0-9.]+)`).exec(info)?.[1]);
    return (get('used_cpu_user') + get('used_cpu_sys')) * 1000;
  } catch {
    return Number.NaN;
  } finally {
    await within(redis.close(), 2000, () => undefined).catch(() => undefined);
  }
}

/** Drops the run's schema and deletes its Redis keys; never throws, never hangs. */
export async function dropRun(
  databaseUrl: string,
  redisUrl: string | undefined,
  schema: string,
  prefix: string,
): Promise<string[]> {
  const problems: string[] = [];
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await bounded(db.connect(), 5000, 'connect timed out');
    await bounded(db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`), 15_000, 'DROP SCHEMA timed out');
  } catch (error) {
    problems.push(`schema ${schema} not dropped: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await within(db.end(), 3000, () => undefined).catch(() => undefined);
  }
  if (redisUrl) {
    const redis = createClient({ url: redisUrl, socket: { connectTimeout: 3000, reconnectStrategy: false } });
    redis.on('error', () => {});
    try {
      await bounded(redis.connect(), 4000, 'connect timed out');
      const work = (async () => {
        const keys: string[] = [];
        for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
        if (keys.length > 0) await redis.del(keys);
      })();
      await bounded(work, 10_000, 'scan timed out');
    } catch (error) {
      problems.push(`Redis keys ${prefix}* not deleted: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await within(redis.close(), 2000, () => undefined).catch(() => undefined);
    }
  }
  return problems;
}
