// What an operator's tools ask the server: /healthz (the process runs), /readyz (balancers: may it take requests?)
// and /metrics (Prometheus).
import type { Express } from 'express';
import type { Metrics } from '../metrics.js';

/** Where the server is in its life: starting, stopping, or running with these dependencies to ping. */
export type ServerState = 'starting' | 'stopping' | { probes: Record<string, () => Promise<void>> };

type Check = 'ok' | 'down' | 'timeout' | 'starting' | 'stopping';

/** A dependency's answer to a ping within a second. */
async function probe(ping: () => Promise<void>): Promise<Check> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 1000)));
  const check = await Promise.race([
    ping().then(
      () => 'ok' as const,
      () => 'down' as const,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  return check;
}

export function operatorRoutes(app: Express, metrics: Metrics, state: () => ServerState): void {
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  // For balancers: 200 once started and while the database (and, with several processes, Redis) answer within a
  // second; 503 before, during a shutdown, or when one does not (the body says which). /healthz only says the
  // process runs.
  app.get('/readyz', async (_req, res) => {
    const checks: Record<string, Check> = {};
    const now = state();
    if (typeof now === 'string') checks.server = now;
    else await Promise.all(Object.entries(now.probes).map(async ([name, ping]) => (checks[name] = await probe(ping))));
    const ok = Object.values(checks).every((c) => c === 'ok');
    res.status(ok ? 200 : 503).json({ ok, ...checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.render());
  });
}
