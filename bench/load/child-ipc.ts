// Runs inside each server under test: answers the bench's IPC requests for CPU and memory figures, measured by the
// process itself (process.cpuUsage has microsecond resolution where /proc/<pid>/stat counts 10 ms ticks).
// statsAsker is the bench's end of the same exchange.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

export interface StatsRequest {
  type: 'stats';
  id: number;
  gc: boolean;
  /** LOAD_PROF_WINDOWS=<dir>: start a CPU profile, or stop it and write it as <dir>/<label>.cpuprofile. */
  profile?: { start: true } | { stop: string };
  /** The server's Prometheus text too (HostRush), read in the process: not an HTTP request (see `metrics`). */
  metrics?: boolean;
}
export interface StatsReply {
  type: 'stats';
  id: number;
  cpuUs: number;
  /** Of cpuUs, the time spent in the kernel (system calls, wake-ups). */
  systemUs: number;
  /** The Prometheus text, when asked for and the child has one. */
  metrics?: string;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}
export interface ReadyMessage {
  type: 'ready';
  port: number;
}

/**
 * A CPU profile of one measured window (an answer window), to see where the server spends it; with
 * LOAD_PROF_HEAP=1, a sampling heap profile of it instead (<label>.heapprofile), counting what was collected too:
 * what each window allocates, by stack, which is what sets how often it scavenges. LOAD_PROF_HEAP=live: only what
 * the window allocated that is still alive at its end, after two scavenges: what each scavenge copies and promotes
 * (medium-lived objects, freed only by a full GC).
 */
const profiler = (() => {
  let session: Session | null = null;
  const heap = process.env.LOAD_PROF_HEAP === '1' || process.env.LOAD_PROF_HEAP === 'live';
  const live = process.env.LOAD_PROF_HEAP === 'live';
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  return {
    async start() {
      session ??= new Session();
      session.connect();
      if (heap)
        await post('HeapProfiler.startSampling', {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: !live,
          includeObjectsCollectedByMinorGC: !live,
        });
      else {
        await post('Profiler.enable');
        await post('Profiler.start');
      }
    },
    async stop(label: string) {
      if (!session) return;
      const gc = (globalThis as { gc?: (options?: { type: 'minor' }) => void }).gc;
      if (live && gc) for (let i = 0; i < 2; i++) gc({ type: 'minor' });
      const { profile } = (await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop')) as { profile: unknown };
      session.disconnect();
      const dir = process.env.LOAD_PROF_WINDOWS ?? '.';
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${label}.${heap ? 'heapprofile' : 'cpuprofile'}`), JSON.stringify(profile));
    },
  };
})();

/**
 * Answers the bench's stats requests (bench/cluster's server child uses this part alone). `metrics`: the server's
 * Prometheus text, read over IPC and not with GET /metrics: an HTTP request to a server whose hot path is its
 * WebSockets deoptimizes node's stream functions they share (another kind of socket), and the next window paid
 * ~150 ms of the JIT's recompiles at 4,100 players that the floors, never scraped, did not (docs/BENCHMARKS.md).
 */
export function answerStatsRequests(metrics?: () => Promise<string>): void {
  process.on('message', (raw: unknown) => void answer(raw as Partial<StatsRequest> | null));
  const answer = async (m: Partial<StatsRequest> | null): Promise<void> => {
    if (!m || m.type !== 'stats' || typeof m.id !== 'number') return;
    if (m.profile && 'start' in m.profile) await profiler.start();
    if (m.profile && 'stop' in m.profile) await profiler.stop(m.profile.stop);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (m.gc && gc) {
      gc();
      gc();
    }
    const text = m.metrics && metrics ? await metrics() : undefined;
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    const reply: StatsReply = {
      type: 'stats',
      id: m.id,
      cpuUs: cpu.user + cpu.system,
      systemUs: cpu.system,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
      ...(text === undefined ? {} : { metrics: text }),
    };
    process.send?.(reply);
  };
}

export function serveStats(metrics?: () => Promise<string>): void {
  answerStatsRequests(metrics);
  // The bench ends us with SIGTERM; exit at once (nothing to keep).
  process.on('SIGTERM', () => process.exit(0));
}

/** The bench's side: a function that asks `child` for its stats; null if it does not answer in time. */
export function statsAsker(
  child: ChildProcess,
): (
  gc: boolean,
  timeoutMs: number,
  profile?: StatsRequest['profile'],
  metrics?: boolean,
) => Promise<StatsReply | null> {
  let nextId = 1;
  const waiting = new Map<number, (r: StatsReply | null) => void>();
  child.on('message', (raw: unknown) => {
    const m = raw as StatsReply | null;
    if (m?.type !== 'stats') return;
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return (gc, timeoutMs, profile, metrics) => {
    if (!child.connected) return Promise.resolve(null);
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(null);
      }, timeoutMs);
      waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      // A server that died (its exit and stderr are reported with the run) answers nothing: null, not a crash.
      child.send({ type: 'stats', id, gc, profile, metrics } satisfies StatsRequest, (error) => {
        if (!error) return;
        clearTimeout(timer);
        waiting.delete(id);
        resolve(null);
      });
    });
  };
}

export function announceReady(port: number): void {
  const msg: ReadyMessage = { type: 'ready', port };
  if (process.send) process.send(msg);
  else console.log(`ready on ${port}`);
}
