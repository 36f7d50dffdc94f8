// Starts a server under test as a child process pinned to core 0 (taskset, where available), and reads its CPU and
// memory: from /proc/<pid>/stat and /proc/<pid>/status, and from the child itself over IPC (heap, precise CPU).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Figure } from '../engine.js';
import { bundleServer } from '../../scripts/build.mjs';
import { statsAsker, type ReadyMessage, type StatsReply, type StatsRequest } from './child-ipc.js';

export type ServerKind = 'hostrush' | 'floor-socketio' | 'floor-ws';

const FILES: Record<ServerKind, string> = {
  hostrush: 'server-child.ts',
  'floor-socketio': 'floor-socketio.ts',
  'floor-ws': 'floor-ws.ts',
};

/**
 * Each server under test runs as `npm start` runs ours: one esbuild bundle run by plain node (not tsx, whose
 * transform adds a name-keeping call to every closure made on a hot path), made by scripts/build.mjs beside the
 * server's own bundle. Built once per bench run.
 */
const bundles = new Map<ServerKind, Promise<string>>();
function bundled(kind: ServerKind): Promise<string> {
  let built = bundles.get(kind);
  if (!built) {
    built = (async () => {
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
      if (build.status !== 0) throw new Error('npm run build failed');
      const outfile = `${root}dist/server/bench-${kind}.js`;
      await bundleServer(fileURLToPath(new URL(FILES[kind], import.meta.url)), outfile);
      return outfile;
    })();
    bundles.set(kind, built);
  }
  return built;
}

const hasTaskset = (() => {
  try {
    return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
})();
export const canPin = hasTaskset && os.cpus().length >= 2;

/** Pins this (bot) process, all its threads, to one core; returns a function that restores all cores. */
export function pinSelf(core: number): () => void {
  if (!canPin) return () => {};
  const all = `0-${os.cpus().length - 1}`;
  spawnSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
  return () => void spawnSync('taskset', ['-a', '-p', '-c', all, String(process.pid)], { stdio: 'ignore' });
}

/**
 * A bench section with this (bot) process on core 1: logs `<section>: <intro>`, runs `body` (which adds figures and
 * notes), then logs the time taken, the notes and the legend.
 */
export async function onBotCore(
  section: string,
  intro: string,
  legend: string,
  log: (line: string) => void,
  body: (figures: Figure[], notes: string[]) => Promise<void>,
): Promise<Figure[]> {
  const restore = pinSelf(1);
  log(`${section}: ${intro}`);
  const started = performance.now();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    await body(figures, notes);
  } finally {
    restore();
  }
  log(`${section}: done in ${((performance.now() - started) / 1000).toFixed(0)} s. Details:`);
  for (const line of notes) log(line);
  log(legend);
  return figures;
}

const TICK_MS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const hz = Number(r.stdout?.trim());
  return Number.isFinite(hz) && hz > 0 ? 1000 / hz : 10;
})();

/** utime + stime from /proc/<pid>/stat, in ms (clock ticks). NaN off Linux. */
export function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ", field 3 (state) is index 0: utime is field 14 -> index 11, stime field 15 -> index 12.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/**
 * utime and stime of a process's threads, in ms: the main thread's apart, the others summed by name (`node`,
 * `libuv-worker`...).
 */
export function procThreadCpuMs(pid: number): Map<string, { user: number; system: number }> {
  const byName = new Map<string, { user: number; system: number }>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // The main thread (the event loop) apart from the others, which may carry the same name.
      const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const sum = byName.get(name) ?? { user: 0, system: 0 };
      sum.user += Number(fields[11]) * TICK_MS;
      sum.system += Number(fields[12]) * TICK_MS;
      byName.set(name, sum);
    }
  } catch {
    // a thread that ended while read: its time is left out
  }
  return byName;
}

/** VmRSS from /proc/<pid>/status, in bytes. NaN off Linux. */
export function procRssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Children still running: killed if the bench process exits or crashes before stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * The node flags a server runs with. Ours: those `npm start` gives it (package.json's start script, the one place
 * they are set), then LOAD_NODE_FLAGS="..." (to try a setting). The floors: node's defaults, as a bare Socket.IO
 * server runs, then LOAD_FLOOR_NODE_FLAGS="..." (to see what our settings would do for them).
 */
function nodeFlags(kind: ServerKind): string[] {
  const words = (s: string | undefined) => (s ?? '').split(' ').filter(Boolean);
  if (kind !== 'hostrush') return words(process.env.LOAD_FLOOR_NODE_FLAGS);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const start = /exec node (.*?) ?dist\/server\/main\.js/.exec(pkg.scripts.start ?? '');
  if (!start)
    throw new Error("bench: package.json's start script no longer reads `exec node <flags> dist/server/main.js`");
  return [...words(start[1]), ...words(process.env.LOAD_NODE_FLAGS)];
}

export class ServerProcess {
  readonly stderr: string[] = [];
  private readonly askStats: ReturnType<typeof statsAsker>;

  private constructor(
    readonly kind: ServerKind,
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.askStats = statsAsker(child);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  static async start(kind: ServerKind, timeoutMs = 30_000): Promise<ServerProcess> {
    const file = await bundled(kind);
    // LOAD_PROF=<dir>: write a V8 CPU profile of the HostRush server there when it stops (see docs/BENCHMARKS.md).
    const prof =
      kind === 'hostrush' && process.env.LOAD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LOAD_PROF}`] : [];
    // LOAD_TRACE_GC=<file>: V8's GC trace of each server, ours and the floors (--trace-gc, one line per pause),
    // appended there; each window is marked with its server's kind (window-probe.ts).
    const gcLog = process.env.LOAD_TRACE_GC;
    const extra = nodeFlags(kind);
    const nodeArgs = ['--expose-gc', ...extra, ...(gcLog ? ['--trace-gc'] : []), ...prof, file];
    const [cmd, args] = canPin ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
    const child = spawn(cmd, args, {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, PORT: '0', NODE_ENV: 'production' },
      stdio: ['ignore', gcLog ? openSync(gcLog, 'a') : 'ignore', 'pipe', 'ipc'],
    });
    live.add(child);
    child.once('exit', () => live.delete(child));
    const stderr: string[] = [];
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (stderr.length < 200) stderr.push(...chunk.split('\n').filter(Boolean));
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${kind}: not ready after ${timeoutMs} ms. ${stderr.slice(0, 5).join(' | ')}`));
      }, timeoutMs);
      child.on('message', (raw: unknown) => {
        const m = raw as ReadyMessage;
        if (m?.type === 'ready') {
          clearTimeout(timer);
          resolve(m.port);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${kind}: exited with ${code} before ready. ${stderr.slice(0, 8).join(' | ')}`));
      });
    });
    const proc = new ServerProcess(kind, child, port);
    proc.stderr.push(...stderr);
    child.stderr?.on('data', (chunk: string) => {
      if (proc.stderr.length < 200) proc.stderr.push(...chunk.split('\n').filter(Boolean));
    });
    return proc;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** utime + stime of the server process, in ms. */
  procCpuMs(): number {
    return procCpuMs(this.pid);
  }

  /** Resident memory of the server process, in bytes. */
  procRssBytes(): number {
    return procRssBytes(this.pid);
  }

  /** CPU and memory as the child sees them (optionally after a full GC); null if it does not answer in time. */
  stats(gc = false, timeoutMs = 10_000, profile?: StatsRequest['profile']): Promise<StatsReply | null> {
    return this.askStats(gc, timeoutMs, profile);
  }

  /**
   * The server's Prometheus text ('' if none): over IPC from the HostRush child (an HTTP request would put another
   * kind of socket through node's stream code mid-run: see child-ipc.ts), else GET /metrics.
   */
  async metrics(): Promise<string> {
    if (this.kind === 'hostrush') return (await this.askStats(false, 10_000, undefined, true))?.metrics ?? '';
    try {
      const res = await fetch(`${this.url}/metrics`, { signal: AbortSignal.timeout(5000) });
      return res.ok ? await res.text() : '';
    } catch {
      return '';
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}

/** A Prometheus sample's value (sum over label sets matching `labels`), 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (!Object.entries(labels).every(([k, v]) => rest.includes(`${k}="${v}"`))) continue;
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum += value;
  }
  return sum;
}

export const procAvailable = existsSync('/proc/self/stat');
