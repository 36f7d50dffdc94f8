// The Redis connections of one process: `pub` runs commands and publishes (leases, routed events, the Socket.IO
// adapter's broadcasts), `sub` is in subscriber mode (the adapter's channels and ours: one connection, so a
// cluster message and a broadcast published in that order arrive in that order).
import { createClient } from 'redis';
import type { Logger } from '../log.js';

const makeClient = (url: string) =>
  createClient({
    url,
    socket: { connectTimeout: 5000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000) },
  });
export type RedisClient = ReturnType<typeof makeClient>;

export interface RedisPair {
  pub: RedisClient;
  sub: RedisClient;
  quit(): Promise<void>;
}

export async function connectRedis(url: string, log: Logger): Promise<RedisPair> {
  const pub = makeClient(url);
  const sub = makeClient(url);
  let lastError = 0;
  for (const [name, client] of [
    ['pub', pub],
    ['sub', sub],
  ] as const) {
    client.on('error', (error: unknown) => {
      // A lost connection retries by itself; say so at most once a second.
      const now = Date.now();
      if (now - lastError > 1000)
        log.error({ connection: name }, `redis (${name}): ${error instanceof Error ? error.message : String(error)}`);
      lastError = now;
    });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // A Redis that is down would be retried for ever: give up after a few seconds with a clear message.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 5 s')), 5000);
    });
    await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
    clearTimeout(timer);
  } catch (error) {
    clearTimeout(timer);
    pub.destroy();
    sub.destroy();
    throw new Error(`Could not connect to Redis at ${url}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return {
    pub,
    sub,
    async quit() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
