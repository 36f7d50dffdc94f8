// One HostRush server under the cluster bench: the real entry point (server/main.ts, configured by the environment:
// PORT, REDIS_URL, DATABASE_URL, HOSTRUSH_PG_SCHEMA, HOSTRUSH_REDIS_PREFIX), plus an IPC answer to the bench's
// requests for this process's CPU (process.cpuUsage, microseconds) and memory (optionally after a full GC).
// Started by bench/cluster/procs.ts with --expose-gc.

export interface ChildStats {
  type: 'stats';
  id: number;
  cpuUs: number;
  rss: number;
  heapUsed: number;
}

process.on('message', (raw: unknown) => {
  const m = raw as { type?: string; id?: number; gc?: boolean } | null;
  if (!m || m.type !== 'stats' || typeof m.id !== 'number') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (m.gc && gc) {
    gc();
    gc();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const reply: ChildStats = { type: 'stats', id: m.id, cpuUs: cpu.user + cpu.system, rss: mem.rss, heapUsed: mem.heapUsed };
  process.send?.(reply);
});
// The bench died without stopping us: do not linger as an orphan server.
process.on('disconnect', () => process.exit(0));

await import('../../server/main.js');
