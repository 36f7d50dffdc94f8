// Helpers for the reliability suite: bounded waits (no sleeps), /metrics parsing, free ports, child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Rejects with a clear message when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Polls `probe` until it returns something other than undefined/false, at most `timeoutMs`; a bounded wait on an
 * outside condition (a process coming up, a row reaching the database), failing with `what` and the last error.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 15_000, intervalMs = 25 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `hostrush_errors_total` by code, from the Prometheus text of GET /metrics. */
export function errorCounts(metricsText: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of metricsText.matchAll(/^hostrush_errors_total\{code="([^"]+)"\} (\d+)$/gm)) {
    out[match[1]!] = Number(match[2]);
  }
  return out;
}

/** A counter or gauge without labels (or with the given label text), from /metrics. */
export function metricValue(metricsText: string, name: string, labels = ''): number {
  const escaped = `${name}${labels}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = metricsText.match(new RegExp(`^${escaped} (\\d+(?:\\.\\d+)?)$`, 'm'));
  return match ? Number(match[1]) : 0;
}

export async function readMetrics(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`);
  return res.text();
}

/** A port free right now (the OS picks it); used where a child process must come back on the same port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9 of the whole process group (tsx runs the server in a child of its own). */
  kill9(): void;
}

/** Spawns a command in its own process group, collecting its output. */
export function spawnChild(command: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const proc = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = {
    proc,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal }))),
    kill9() {
      if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
  proc.stdout?.on('data', (chunk: Buffer) => (child.stdout += chunk.toString()));
  proc.stderr?.on('data', (chunk: Buffer) => (child.stderr += chunk.toString()));
  return child;
}

/**
 * The environment for a spawned server: one process on SQLite (no PostgreSQL or Redis URL inherited from CI), a fixed
 * port.
 */
export function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.NODE_OPTIONS;
  return env;
}
