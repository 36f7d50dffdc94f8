// Runs inside each server under test: answers the bench's IPC requests for CPU and memory figures, measured by the
// process itself (process.cpuUsage has microsecond resolution where /proc/<pid>/stat counts 10 ms ticks).

export interface StatsRequest {
  type: 'stats';
  id: number;
  gc: boolean;
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

export function serveStats(): void {
  process.on('message', (raw: unknown) => {
    const m = raw as Partial<StatsRequest> | null;
    if (!m || m.type !== 'stats' || typeof m.id !== 'number') return;
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
