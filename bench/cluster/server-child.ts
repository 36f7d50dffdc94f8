// One HostRush server under the cluster bench: the real entry point (server/main.ts, configured by the environment:
// PORT, REDIS_URL, DATABASE_URL, HOSTRUSH_PG_SCHEMA, HOSTRUSH_REDIS_PREFIX), plus an IPC answer to the bench's
// requests for this process's CPU (process.cpuUsage, microseconds) and memory (optionally after a full GC).
// Started by bench/cluster/procs.ts with --expose-gc.
import { answerStatsRequests } from '../load/child-ipc.js';

answerStatsRequests();
// The bench died without stopping us: do not linger as an orphan server.
process.on('disconnect', () => process.exit(0));

await import('../../server/main.js');
