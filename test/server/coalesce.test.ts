// Reads in batches while events stream in (server/rooms/socket/coalesce.ts, issue 17): the main thread waits after a
// turn's acks only while 500 or more events a second come in, never for a class's trickle, never when turned off;
// and through real sockets every event is still acked, the waits counted at /metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../server/metrics.js';
import { createCoalesce } from '../../server/rooms/socket/coalesce.js';
import { expectOk, startServer, type TestClient, type TestServer } from './harness.js';

/** A coalescer on a virtual clock; its waits are recorded and move the clock as a real wait would. */
function virtual(waitMs: number) {
  let t = 0;
  const waits: number[] = [];
  const coalesce = createCoalesce({
    waitMs,
    metrics: createMetrics(),
    now: () => t,
    block: (ms) => {
      waits.push(ms);
      t += ms;
    },
  });
  /**
   * Events arriving evenly at `perSecond` for `ms`: each turn starts at the next arrival (or at once, after a wait)
   * and acks every event that has arrived by then.
   */
  const stream = (ms: number, perSecond: number) => {
    const gap = 1000 / perSecond;
    const end = t + ms;
    let next = t + gap;
    while (next <= end) {
      t = Math.max(t, next);
      let arrived = 0;
      for (; next <= t; next += gap) arrived++;
      coalesce(arrived);
    }
    t = end;
  };
  return { waits, stream };
}

describe('reading in batches while events stream in', () => {
  it('waits after each turn once 500 events a second have come in for a quarter second, and stops after', () => {
    const v = virtual(2);
    // 2,000 a second (4,100 players answering over 2 s): the first quarter second is counted...
    v.stream(300, 2000);
    const first = v.waits.length;
    expect(first).toBeGreaterThan(0);
    // ...then every turn waits 2 ms, and reads the ~4 answers that came in meanwhile.
    v.stream(200, 2000);
    expect(v.waits.length - first).toBeGreaterThanOrEqual(60);
    expect(v.waits.every((ms) => ms === 2)).toBe(true);
    // The stream ends: a few events a second again, and the next quarter second's judgment stops the waits.
    v.stream(600, 5);
    const after = v.waits.length;
    v.stream(3000, 5);
    expect(v.waits.length).toBe(after);
  });

  it("never waits for a class's answers (30 over a few seconds), nor when turned off", () => {
    const trickle = virtual(2);
    trickle.stream(3000, 10);
    expect(trickle.waits).toEqual([]);
    const off = virtual(0);
    off.stream(2000, 2000);
    expect(off.waits).toEqual([]);
  });
});

describe('reading in batches, through sockets', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** 40 seated players each send `rounds` game:sync, one round every 20 ms (2,000 events a second); all acked. */
  async function stream(coalesceMs: number, rounds: number): Promise<number> {
    server = await startServer({ coalesceMs });
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: 'warmup-en', options: { mode: 'classroom' } }));
    const players: TestClient[] = [];
    for (let i = 0; i < 40; i++) {
      const client = await server.client();
      expectOk(await client.call('player:join', { roomCode: created.roomCode as string, name: `P${i}` }));
      players.push(client);
    }
    const acks: Array<Promise<unknown>> = [];
    for (let r = 0; r < rounds; r++) {
      for (const p of players) acks.push(p.call('game:sync', {}).then(expectOk));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(acks);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^hostrush_coalesce_waits_total (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
  }

  it('acks every event of a stream, and waits between its turns (counted at /metrics)', async () => {
    expect(await stream(2, 30)).toBeGreaterThan(0);
  });

  it('with HOSTRUSH_COALESCE_MS=0 never waits', async () => {
    expect(await stream(0, 10)).toBe(0);
  });
});
