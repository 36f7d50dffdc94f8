// Storage faults: a failing database write mid-game is retried and reported (metrics, log), the podium waits for
// the finished game to be stored, and a finished game is never lost, even when the process stops while the
// database is still down (the stored log brings it back and the next process stores it).
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken as hashOf } from '../../server/security/tokens.js';
import { createStorage } from '../../server/storage/index.js';
import type { Storage } from '../../server/storage/types.js';
import type { Podium } from '../../shared/protocol/index.js';
import { expectOk, startServer, type TestServer } from '../server/harness.js';
import { playToEnd, type Seat } from '../server/play.js';
import { metricValue, readMetrics, waitUntil, withTimeout } from './support.js';
import { captureLogger } from '../../server/log.js';

const PACK = 'warmup-en';

type Method = 'saveFinishedGame' | 'appendActions';

/** A storage whose `method` throws `error()` on its first `failures` calls (or until `heal()`), then works. */
function faulty(inner: Storage, method: Method, failures: number, error: () => Error) {
  const state = { calls: 0, failed: 0, succeeded: 0, healed: false };
  const storage = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(target);
      return async (...args: unknown[]) => {
        state.calls++;
        if (!state.healed && state.failed < failures) {
          state.failed++;
          throw error();
        }
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        state.succeeded++;
        return result;
      };
    },
  });
  return { storage, state, heal: () => (state.healed = true) };
}

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
const diskError = () => new Error('disk I/O error (injected)');

describe('storage faults', () => {
  const servers: TestServer[] = [];
  const storages: Storage[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => {});
    for (const s of storages) await s.close().catch(() => {});
  });

  async function serverWith(storage: Storage, logs: string[]) {
    const server = await startServer({ storage, log: captureLogger(logs) });
    servers.push(server);
    return server;
  }

  async function playGame(server: TestServer) {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 60 } }));
    const seats: Seat[] = [];
    for (const [i, name] of ['Ann', 'Bob'].entries()) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      seats.push({ client, playerId: joined.playerId as string, right: i === 0 });
    }
    expectOk(await host.call('host:control', { command: 'start' }));
    await playToEnd(host, seats, PACK);
    return { host, seats, code: created.roomCode as string, hostToken: created.hostToken as string };
  }

  for (const [label, error, failures] of [
    ['a transient error (SQLITE_BUSY) 4 times', busy, 4],
    ['a non-transient error (disk I/O) 5 times', diskError, 5],
  ] as const) {
    it(`saving the finished game fails with ${label}: retried, reported, stored before the podium`, async () => {
      const inner = await createStorage({ sqlitePath: ':memory:' });
      storages.push(inner);
      const fault = faulty(inner, 'saveFinishedGame', failures, error);
      const logs: string[] = [];
      const server = await serverWith(fault.storage, logs);
      const { host, code, hostToken, seats } = await playGame(server);
      const podium: Podium = await withTimeout(host.waitFor('game:podium'), 20_000, 'the podium');
      // The podium came after the one write that worked, and the game is in the database.
      expect(fault.state).toMatchObject({ failed: failures, succeeded: 1 });
      const stored = await inner.getGame(podium.gameId);
      expect(stored?.players.map((p) => p.score).sort()).toEqual(podium.standings.map((s) => s.score).sort());
      // Reported: retries and failed rounds counted at /metrics, and logged.
      const metrics = await readMetrics(server.url);
      expect(metricValue(metrics, 'hostrush_storage_retries_total')).toBeGreaterThanOrEqual(2);
      expect(metricValue(metrics, 'hostrush_storage_failures_total')).toBeGreaterThanOrEqual(1);
      expect(metricValue(metrics, 'hostrush_games_saved_total')).toBe(1);
      expect(logs.some((m) => /could not store the finished game/.test(m))).toBe(true);
      // The log (pino): one JSON line per event, the failure at level error with the room and the error as fields;
      // no nickname, no host token, no seat.
      const entries = logs.map(
        (line) => JSON.parse(line) as { level: number; room?: string; err?: { message: string }; msg: string },
      );
      expect(entries.find((e) => /could not store the finished game/.test(e.msg))).toMatchObject({
        level: 50,
        room: code,
        err: { message: expect.any(String) },
      });
      for (const line of logs) {
        expect(line).not.toMatch(/\bAnn\b|\bBob\b/);
        expect(line).not.toContain(hostToken);
        for (const seat of seats) expect(line).not.toContain(seat.playerId);
      }
    });
  }

  it('appending the action log fails mid-game: the game goes on, the log catches up, nothing is lost', async () => {
    const inner = await createStorage({ sqlitePath: ':memory:' });
    storages.push(inner);
    // Failing from the start of play (the room and seats are stored by other calls).
    const fault = faulty(inner, 'appendActions', 7, busy);
    const logs: string[] = [];
    const server = await serverWith(fault.storage, logs);
    const { host, code } = await playGame(server);
    const podium: Podium = await withTimeout(host.waitFor('game:podium'), 20_000, 'the podium');
    expect(fault.state.failed).toBe(7);
    const room = server.app.manager().get(code)!;
    const loaded = await waitUntil('the whole log stored', async () => {
      const l = await inner.loadRoom(code);
      return l && l.actions.length === room.log.length ? l : undefined;
    });
    expect(loaded.actions).toEqual(room.log.actions());
    expect(await inner.getGame(podium.gameId)).not.toBeNull();
    const metrics = await readMetrics(server.url);
    expect(metricValue(metrics, 'hostrush_storage_retries_total')).toBeGreaterThanOrEqual(4);
  });

  it(
    'the database stays down past the end of the game and the process stops: ' + 'the next process stores the game',
    async () => {
      const inner = await createStorage({ sqlitePath: ':memory:' });
      storages.push(inner);
      const fault = faulty(inner, 'saveFinishedGame', Number.POSITIVE_INFINITY, diskError);
      const logs: string[] = [];
      const first = await serverWith(fault.storage, logs);
      const { host, code, hostToken } = await playGame(first);
      await waitUntil(
        'two failed rounds',
        () => logs.filter((m) => /could not store the finished game/.test(m)).length >= 2,
      );
      expect(host.latest.has('game:podium')).toBe(false);
      // Everything accepted is in the log; the process goes away without the finished game stored.
      await first.app.manager().get(code)!.drain();
      await first.close();
      expect(await inner.listGames(hashOf(hostToken))).toEqual([]);

      // The database is back; a new process restores the room from its log, sees it finished and stores it.
      fault.heal();
      const second = await serverWith(fault.storage, []);
      const stored = await waitUntil('the finished game stored by the next process', async () => {
        const games = await inner.listGames(hashOf(hostToken));
        return games.length === 1 ? games : undefined;
      });
      expect(stored[0]).toMatchObject({ playerCount: 2 });
      const projector = await second.client();
      expectOk(await projector.call('host:resume', { roomCode: code, hostToken }));
      const podium: Podium = await withTimeout(
        projector.waitFor('game:podium'),
        10_000,
        'the podium after the restart',
      );
      expect(podium.standings).toHaveLength(2);
    },
  );
});
