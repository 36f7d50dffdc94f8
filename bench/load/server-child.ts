// The HostRush server under test, as its own process: the real app (server/app.ts) configured from the environment
// as `npm start` configures it (server/config.ts: HOSTRUSH_DURABLE_ACKS=1 and the like try a setting), on a temporary
// SQLite file (WAL), listening on 127.0.0.1:$PORT (0: any free port, reported over IPC). Started by
// bench/load/proc.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { createStorage } from '../../server/storage/index.js';
import { announceReady, serveStats } from './child-ipc.js';
import { createLogger } from '../../server/log.js';

const dir = mkdtempSync(join(tmpdir(), 'hostrush-load-'));
const storage = await createStorage({ sqlitePath: join(dir, 'load.db') });
let logged = 0;
const { config } = readConfig(process.env);
const handle = createApp({
  ...config.app,
  storage,
  restore: false,
  // Every host of a many-room run (50x40) connects from 127.0.0.1: over the per-address room budget (burst 30).
  roomCreateRate: { ratePerS: 1_000_000, burst: 1_000_000 },
  // Bounded: a flood of errors must not become the thing we measure.
  log: createLogger({
    level: 'warn',
    destination: { write: (line: string) => void (logged++ < 20 && process.stderr.write(`[server] ${line}`)) },
  }),
});
await handle.ready;
serveStats(() => handle.metrics.render());
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
handle.http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = handle.http.address();
  announceReady(typeof address === 'object' && address ? address.port : 0);
});
