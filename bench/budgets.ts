// The per-socket event budget on the hot path (every socket event takes from it, 2,000 answers in a burst): the
// hand-written TokenBucket (server/security/rate-limit.ts, one object on the socket) against rate-limiter-flexible's
// RateLimiterMemory (a Map of keys, a promise per event), and its Redis store (a round trip per event) when REDIS_URL
// is set. `npm run bench budgets`. The figures are quoted in rate-limit.ts where the choice is made.
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { TokenBucket } from '../server/security/rate-limit.js';
import type { Figure } from './engine.js';

const SOCKETS = 2000;
const EVENTS_PER_SOCKET = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Nanoseconds per event over `SOCKETS x EVENTS_PER_SOCKET` events, the median of `runs`. */
async function perEvent(runs: number, run: () => Promise<void> | void): Promise<number> {
  await run(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(((performance.now() - t) * 1e6) / (SOCKETS * EVENTS_PER_SOCKET));
  }
  return median(times);
}

export async function budgetsBench(): Promise<Figure[]> {
  const rate = { ratePerS: 20, burst: 40 };
  const figures: Figure[] = [];

  const buckets = Array.from({ length: SOCKETS }, () => new TokenBucket(rate, Date.now()));
  figures.push({
    name: 'per-socket budget, TokenBucket (in memory, sync)',
    value: await perEvent(9, () => {
      for (let e = 0; e < EVENTS_PER_SOCKET; e++) for (const b of buckets) b.take(Date.now());
    }),
    unit: 'ns/event',
  });

  const ids = Array.from({ length: SOCKETS }, (_, i) => `socket-${i}`);
  const memory = new RateLimiterMemory({ points: rate.burst, duration: 2 });
  figures.push({
    name: 'per-socket budget, RateLimiterMemory (awaited)',
    value: await perEvent(9, async () => {
      for (let e = 0; e < EVENTS_PER_SOCKET; e++) for (const id of ids) await memory.consume(id).catch(() => {});
    }),
    unit: 'ns/event',
  });

  const url = process.env.REDIS_URL;
  if (url) {
    const client = createClient({ url });
    await client.connect();
    const prefix = `hostrush-bench-budget-${process.pid}`;
    try {
      const redis = new RateLimiterRedis({
        storeClient: client,
        useRedisPackage: true,
        keyPrefix: prefix,
        points: rate.burst,
        duration: 2,
      });
      // All of a burst's events in flight at once, as 2,000 sockets would have them (pipelined on one connection).
      figures.push({
        name: 'per-socket budget, RateLimiterRedis (burst in flight)',
        value: await perEvent(3, async () => {
          for (let e = 0; e < EVENTS_PER_SOCKET; e++)
            await Promise.all(ids.map((id) => redis.consume(id).catch(() => {})));
        }),
        unit: 'ns/event',
      });
    } finally {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) keys.push(...batch);
      if (keys.length > 0) await client.del(keys);
      await client.close();
    }
  }
  return figures;
}
