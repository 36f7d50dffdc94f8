// What goes to whom (issues 9 and 17): one shared room:view per change, private player:you only when a player's own
// data changed outside a question's close (a setting, a race's points), nothing private when a question opens, an
// answer is accepted or a question closes: each answer's ack carries its result sealed, the reveal carries the key
// and the room's score ladder, and each phone opens its own result and counts its own rank. Plus the replay API
// and the process gauges at /metrics. Ordering, not time: a game:sync round trip after an event proves every message
// the server sent before it has arrived (one socket's messages keep their order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGame, next, playerOf, type Action, type GameConfig, type GameView } from '../../shared/engine/index.js';
import { openResult, type Podium, type SealedResult, type YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

const PACK = 'warmup-en';

describe('fan-out: shared views, private messages only on change', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const settle = async (clients: TestClient[]) => {
    for (const c of clients) expectOk(await c.call('game:sync', {}));
  };
  const yous = (c: TestClient) => c.received.get('player:you') ?? 0;

  it('sends nothing private as a question opens or closes: results open at the reveal, ranks on a ladder', async () => {
    const host = await server.client();
    const created = expectOk(
      await host.call('room:create', { packId: PACK, options: { mode: 'classroom', questionTimeS: 60 } }),
    );
    const code = created.roomCode as string;
    const hostToken = created.hostToken as string;
    const players: Array<{ client: TestClient; playerId: string }> = [];
    for (const name of ['Right', 'Wrong', 'Silent']) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: code, name }));
      // The join reply carries the player's own standing and row without a broadcast to wait for.
      expect(joined.you.rank).toBe(1);
      expect((joined.view as GameView).me?.id).toBe(joined.playerId);
      expect((joined.view as GameView).players.some((p) => p.id === joined.playerId)).toBe(true);
      players.push({ client, playerId: joined.playerId as string });
    }
    const [right, wrong, silent] = players as [(typeof players)[0], (typeof players)[0], (typeof players)[0]];
    const clients = players.map((p) => p.client);

    let started = false;
    const openQuestion = async (): Promise<GameView> => {
      for (let guard = 0; guard < 20; guard++) {
        const command = started ? 'next' : 'start';
        started = true;
        const version = expectOk(await host.call('host:control', { command })).version as number;
        const view = await host.waitFor('host:view', (v) => v.version >= version);
        if (view.phase === 'question' && view.question && !view.question.closed) return view;
        if (view.finished) throw new Error('the game ended');
      }
      throw new Error('no question opened');
    };
    const closeQuestion = async () => {
      const version = expectOk(await host.call('host:control', { command: 'next' })).version as number;
      await host.waitFor('host:view', (v) => v.version >= version);
      for (const c of clients) await c.waitFor('room:view', (v) => v.version >= version);
      await settle(clients);
    };

    // A question opens: one shared room:view each, and no private message.
    const first = await openQuestion();
    const q1 = first.question!.question;
    for (const c of clients) await c.waitFor('room:view', (v) => v.question?.question.id === q1.id);
    await settle(clients);
    expect(clients.map(yous)).toEqual([0, 0, 0]);
    // The view shows the phase change: no second broadcast of phase and question events.
    expect(clients.map((c) => c.received.get('game:events') ?? 0)).toEqual([0, 0, 0]);
    const shared = right.client.view()!;
    expect(shared.me).toBeNull();
    expect(shared.question?.mine).toBeNull();

    // Answers are acked, each with its own result sealed; still nothing private.
    const sealedOf = async (c: TestClient, right: boolean): Promise<SealedResult> => {
      const ack = expectOk(await c.call('player:answer', { questionId: q1.id, answer: answerFor(PACK, q1, right) }));
      return ack.sealed as SealedResult;
    };
    const rightSealed = await sealedOf(right.client, true);
    const wrongSealed = await sealedOf(wrong.client, false);
    expect(rightSealed).toMatchObject({ questionId: q1.id, step: shared.step });
    // A retried answer gets the same result sealed again (on blocks of its own), not a second scoring.
    const retried = expectOk(
      await right.client.call('player:answer', { questionId: q1.id, answer: answerFor(PACK, q1, true) }),
    ).sealed as SealedResult;
    expect(retried.block).toBeGreaterThan(rightSealed.block);
    await settle(clients);
    expect(clients.map(yous)).toEqual([0, 0, 0]);
    // Before the close a player's own record says what it answered, not whether it was right (nor its points).
    const early = expectOk(await right.client.call('game:sync', {})).you as YouMessage;
    expect(early.answer).toMatchObject({ answer: answerFor(PACK, q1, true), correctness: 0, points: 0 });
    // Before the close no view carries the key, and no other key opens a result.
    expect(clients.every((c) => c.view()?.question?.resultKey === undefined)).toBe(true);
    expect(openResult(rightSealed, '00'.repeat(32), answerFor(PACK, q1, true))).toBeNull();

    // The close: no private message at all. Each answerer opens its own result with the reveal's key; the silent
    // player counts its rank (1 -> 2) on the reveal's ladder.
    await closeQuestion();
    expect(clients.map(yous)).toEqual([0, 0, 0]);
    const reveal = right.client.view()!;
    expect(reveal.question?.resultKey).toMatch(/^[0-9a-f]{64}$/);
    expect(reveal.ladder).toBeTruthy();
    const rightYou = right.client.you()!;
    expect(rightYou).toMatchObject({ questionId: q1.id, rank: 1, streak: 1 });
    expect(rightYou.answer?.correctness).toBe(1);
    expect(rightYou.score).toBeGreaterThan(0);
    expect(rightYou.changes.length).toBeGreaterThan(0);
    expect(wrong.client.you()).toMatchObject({ rank: 2, score: 0 });
    expect(wrong.client.you()?.answer?.correctness).toBe(0);
    expect(silent.client.you()).toMatchObject({ rank: 2, answer: null, playerCount: 3 });
    // What each phone worked out is what the server holds.
    for (const p of players) {
      const synced = expectOk(await p.client.call('game:sync', {})).you as YouMessage;
      const known = p.client.you()!;
      expect([known.score, known.streak, known.rank]).toEqual([synced.score, synced.streak, synced.rank]);
    }
    // A result reaches only its own player: no other player's messages carry it.
    for (const c of [wrong.client, silent.client])
      expect(JSON.stringify([...c.latest.values()])).not.toContain(rightSealed.box);
    expect(openResult(wrongSealed, reveal.question!.resultKey!, answerFor(PACK, q1, false))?.answer.correctness).toBe(
      0,
    );
    const rightAnswer = answerFor(PACK, q1, true);
    expect(openResult(retried, reveal.question!.resultKey!, rightAnswer)).toEqual(
      openResult(rightSealed, reveal.question!.resultKey!, rightAnswer),
    );
    // One 64-byte block per result, base64: the ack stays small at 4,100 answers a question.
    expect(Buffer.from(rightSealed.box, 'base64')).toHaveLength(64);

    // The next question opens (through the leaderboard): nothing private changed, nothing private sent.
    const second = await openQuestion();
    for (const c of clients)
      await c.waitFor('room:view', (v) => v.question?.question.id === second.question!.question.id);
    await settle(clients);
    expect(clients.map(yous)).toEqual([0, 0, 0]);

    // Nobody answers: the player whose streak ended knows it from the reveal, with no message either.
    await closeQuestion();
    expect(clients.map(yous)).toEqual([0, 0, 0]);
    expect(right.client.you()).toMatchObject({ streak: 0, rank: 1 });

    // The replay API: the host's own game gives config, seed and log, and replaying it gives the podium's scores.
    expectOk(await host.call('host:control', { command: 'end' }));
    const podium: Podium = await host.waitFor('game:podium');
    const url = `${server.url}/api/games/${encodeURIComponent(podium.gameId)}/replay`;
    const res = await fetch(url, { headers: { 'x-host-key': hostToken } });
    expect(res.status).toBe(200);
    const replay = (await res.json()) as { ok: true; config: GameConfig; seed: string; actions: Action[] };
    expect(replay.config.mode).toBe('classroom');
    let state = createGame(replay.config, replay.seed);
    for (const action of replay.actions) state = next(state, action).state;
    expect(state.finished).toBe(true);
    for (const s of podium.standings) expect(playerOf(state, s.playerId)?.score).toBe(s.score);
    // Anyone else's key, or none: as unknown as a missing game.
    const other = await fetch(url, { headers: { 'x-host-key': 'x'.repeat(32) } });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('game/unknown');
    expect((await fetch(url)).status).toBe(401);
  });

  it(
    'GET /metrics (prom-client): the process metrics, and histograms of ack ' +
      'latency and fan-out from the game above',
    async () => {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      expect(value('process_resident_memory_bytes')).toBeGreaterThan(1e6);
      expect(value('nodejs_heap_size_used_bytes')).toBeGreaterThan(1e6);
      expect(value('process_cpu_seconds_total')).toBeGreaterThan(0);
      for (const q of ['p50', 'p99', 'max'])
        expect(value(`nodejs_eventloop_lag_${q}_seconds`)).toBeGreaterThanOrEqual(0);
      expect(text).toContain('# TYPE process_cpu_seconds_total counter');
      // Every ack of the game above was timed; every broadcast (views to the room, hosts, players) too.
      expect(text).toContain('# TYPE hostrush_ack_latency_seconds histogram');
      expect(value('hostrush_ack_latency_seconds_count')).toBeGreaterThan(5);
      expect(value('hostrush_ack_latency_seconds_bucket\\{le="\\+Inf"\\}')).toBe(
        value('hostrush_ack_latency_seconds_count'),
      );
      expect(value('hostrush_fanout_seconds_count')).toBeGreaterThan(3);
      expect(value('hostrush_fanout_sockets_count')).toBe(value('hostrush_fanout_seconds_count'));
      // A room view reached the host and both players at once: some broadcast reached 3 sockets (bucket le=5 > le=2).
      expect(value('hostrush_fanout_sockets_bucket\\{le="5"\\}')).toBeGreaterThan(
        value('hostrush_fanout_sockets_bucket\\{le="2"\\}'),
      );
      expect(value('hostrush_events_total\\{event="player:answer"\\}')).toBeGreaterThan(0);
    },
  );
});
