// Runs inside each server under test: answers the bench's IPC requests for CPU and memory figures, measured by the
// process itself (process.cpuUsage has microsecond resolution where /proc/<pid>/stat counts 10 ms ticks).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

export interface StatsRequest {
  type: 'stats';
  id: number;
  gc: boolean;
  /** LOAD_PROF_WINDOWS=<dir>: start a CPU profile, or stop it and write it as <dir>/<label>.cpuprofile. */
  profile?: { start: true } | { stop: string };
}
export interface StatsReply {
  type: 'stats';
  id: number;
  cpuUs: number;
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

/** A CPU profile of one measured window (an answer window), to see where the server spends it. */
const profiler = (() => {
  let session: Session | null = null;
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    async start() {
      session ??= new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    async stop(label: string) {
      if (!session) return;
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      const dir = process.env.LOAD_PROF_WINDOWS ?? '.';
      writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    },
  };
})();

export function serveStats(): void {
  process.on('message', async (raw: unknown) => {
    const m = raw as Partial<StatsRequest> | null;
    if (!m || m.type !== 'stats' || typeof m.id !== 'number') return;
    if (m.profile && 'start' in m.profile) await profiler.start();
    if (m.profile && 'stop' in m.profile) await profiler.stop(m.profile.stop);
    const gc = (globalThis as { gc?: () => void }).gc;
    if (m.gc && gc) {
      gc();
      gc();
    }
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    const reply: StatsReply = {
      type: 'stats',
      id: m.id,
      cpuUs: cpu.user + cpu.system,
      rss: mem.rss,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
    };
    process.send?.(reply);
  });
  // The bench ends us with SIGTERM; exit at once (nothing to keep).
  process.on('SIGTERM', () => process.exit(0));
}

export function announceReady(port: number): void {
  const msg: ReadyMessage = { type: 'ready', port };
  if (process.send) process.send(msg);
  else console.log(`ready on ${port}`);
}
