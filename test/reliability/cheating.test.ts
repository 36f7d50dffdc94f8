// Cheating, each refused with a reason (its error code): forged identities, acting as host, late and double
// answers, edited solo logs, replayed tokens after a kick, someone else's report; tokens never leak to another
// client nor into a URL.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/security/tokens.js';
import type { Action, GameView } from '../../shared/engine/index.js';
import type { Podium, YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from '../server/harness.js';
import { playToEnd, type Seat } from '../server/play.js';
import { withTimeout } from './support.js';

const PACK = 'warmup-en';
/** The authority's clock: real time plus what a test skips ahead (no sleeping until a deadline). */
let skipped = 0;
const clock = () => Date.now() + skipped;

describe('cheating', () => {
  let server: TestServer;
  /** Every request line the server saw, HTTP and WebSocket upgrades alike. */
  const urls: string[] = [];
  beforeAll(async () => {
    // A larger event budget: one test floods on purpose elsewhere (limits.test.ts); here honest pace is not the point.
    server = await startServer({ clock, socketRate: { ratePerS: 500, burst: 500 } });
    server.app.http.prependListener('request', (req: IncomingMessage) => urls.push(req.url ?? ''));
    server.app.http.prependListener('upgrade', (req: IncomingMessage) => urls.push(req.url ?? ''));
  });
  afterAll(() => server.close());

  async function room(names: string[], questionTimeS = 120) {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS } }));
    const players: Array<{ client: TestClient; playerId: string; token: string; name: string }> = [];
    for (const name of names) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      players.push({ client, playerId: joined.playerId as string, token: joined.resumeToken as string, name });
    }
    return { host, code: created.roomCode as string, hostToken: created.hostToken as string, players };
  }

  async function openQuestion(host: TestClient, version: number): Promise<GameView> {
    return withTimeout(
      host.waitFor('host:view', (v) => v.version >= version && v.phase === 'question' && !v.question?.closed),
      10_000,
      'a question to open',
    );
  }

  const refused = (reply: unknown, code: string) =>
    expect(reply).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });

  it(
    'a player cannot act for another: no identity field is accepted, a ' + "forged or another room's token is refused",
    async () => {
      const { host, code, players } = await room(['Ann', 'Ben']);
      const other = await room(['Cat']);
      const [ann, ben] = players as [(typeof players)[0], (typeof players)[0]];
      const q = (await openQuestion(host, expectOk(await host.call('host:control', { command: 'start' })).version))
        .question!.question;
      const answer = answerFor(PACK, q, true);
      // Naming the victim in the payload: strict schemas refuse any key that is not the event's own.
      refused(
        await ann.client.call('player:answer', { questionId: q.id, answer, playerId: ben.playerId }),
        'input/invalid',
      );
      refused(
        await ann.client.call('player:answer', {
          questionId: q.id,
          answer,
          actor: { role: 'player', playerId: ben.playerId },
        }),
        'input/invalid',
      );
      refused(await ann.client.call('player:answer', { questionId: q.id, answer, at: 0 }), 'input/invalid');
      // A guessed token, a token of the right shape, another room's token, a token presented to the wrong room.
      const thief = await server.client();
      refused(await thief.call('player:resume', { roomCode: code, resumeToken: ben.playerId }), 'input/invalid');
      refused(await thief.call('player:resume', { roomCode: code, resumeToken: 'A'.repeat(21) }), 'auth/token');
      refused(
        await thief.call('player:resume', { roomCode: code, resumeToken: other.players[0]!.token }),
        'auth/token',
      );
      refused(await thief.call('player:resume', { roomCode: other.code, resumeToken: ben.token }), 'auth/token');
      // The hash the server keeps is not a token either.
      refused(await thief.call('player:resume', { roomCode: code, resumeToken: hashToken(ben.token) }), 'auth/token');
      // Nothing was answered for Ben.
      const benNow = expectOk(await ben.client.call('game:sync', {}));
      expect((benNow.you as YouMessage).answer).toBeNull();
      refused(await thief.call('player:answer', { questionId: q.id, answer }), 'auth/not-joined');
    },
  );

  it(
    'a player cannot act as host: host events refused without the host ' +
      "token, with a player token, with another room's",
    async () => {
      const { host, code, players } = await room(['Dan']);
      const other = await room([]);
      const dan = players[0]!;
      const before = expectOk(await host.call('game:sync', {})).view as GameView;
      for (const command of [
        { command: 'start' },
        { command: 'end' },
        { command: 'remove', playerId: dan.playerId },
        { command: 'lock', locked: true },
      ]) {
        refused(await dan.client.call('host:control', command), 'auth/not-host');
      }
      refused(await dan.client.call('solo:control', { command: 'start' }), 'room/not-solo');
      const stranger = await server.client();
      refused(await stranger.call('host:control', { command: 'start' }), 'auth/not-joined');
      refused(await stranger.call('host:resume', { roomCode: code, hostToken: dan.token }), 'auth/token');
      refused(await stranger.call('host:resume', { roomCode: code, hostToken: other.hostToken }), 'auth/token');
      refused(await dan.client.call('host:resume', { roomCode: code, hostToken: 'Z'.repeat(21) }), 'auth/token');
      // A player who tried is still only a player; the room did not move.
      refused(await dan.client.call('host:control', { command: 'start' }), 'auth/not-host');
      const after = expectOk(await host.call('game:sync', {})).view as GameView;
      expect(after.version).toBe(before.version);
      expect(after.phase).toBe('lobby');
    },
  );

  it(
    'an answer after the deadline is refused (answer/late), by the server ' + 'clock whatever the client says',
    async () => {
      const { host, players } = await room(['Eve', 'Fay'], 5);
      const [eve, fay] = players as [(typeof players)[0], (typeof players)[0]];
      const q = (await openQuestion(host, expectOk(await host.call('host:control', { command: 'start' })).version))
        .question!.question;
      expectOk(await fay.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, false) }));
      // Six seconds later on the authority's clock (the room's own timer has not fired yet).
      skipped += 6_000;
      const late = await eve.client.call('player:answer', {
        questionId: q.id,
        answer: answerFor(PACK, q, true),
        elapsedMs: 100,
      });
      expect(late).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^(answer\/late|question\/closed)$/) },
      });
      const eveNow = expectOk(await eve.client.call('game:sync', {})).you as YouMessage;
      expect(eveNow.answer).toBeNull();
      expect(eveNow.score).toBe(0);
    },
  );

  it(
    'answering twice never scores twice: the second answer gets the first ' +
      'reply, a different answer changes nothing',
    async () => {
      const { host, players } = await room(['Gus', 'Hal']);
      const [gus, hal] = players as [(typeof players)[0], (typeof players)[0]];
      const q = (await openQuestion(host, expectOk(await host.call('host:control', { command: 'start' })).version))
        .question!.question;
      const wrong = answerFor(PACK, q, false);
      const right = answerFor(PACK, q, true);
      // Sent together, then again with the right answer after the wrong one.
      const [a, b] = await Promise.all([
        gus.client.call('player:answer', { questionId: q.id, answer: wrong }),
        gus.client.call('player:answer', { questionId: q.id, answer: wrong }),
      ]);
      const first = expectOk(a);
      const again = await gus.client.call('player:answer', { questionId: q.id, answer: right });
      // Idempotent: the second and third answers get the first one's reply (same version), nothing is scored again.
      for (const reply of [b, again]) expect(reply).toMatchObject({ ok: true, version: first.version });
      expectOk(await hal.client.call('player:answer', { questionId: q.id, answer: right }));
      // Everyone has answered: the question closes by itself.
      await withTimeout(
        host.waitFor('host:view', (v) => v.question?.question.id === q.id && v.question.closed),
        10_000,
        'the close',
      );
      const gusYou = expectOk(await gus.client.call('game:sync', {})).you as YouMessage;
      const halYou = expectOk(await hal.client.call('game:sync', {})).you as YouMessage;
      expect(gusYou.answer?.answer).toEqual(wrong);
      expect(gusYou.score).toBe(0);
      expect(halYou.score).toBeGreaterThan(0);
    },
  );

  it(
    'a kicked player replaying its old token is refused (auth/removed), as ' + 'host too; its name stays banned',
    async () => {
      const { host, code, players } = await room(['Ivy', 'Jo']);
      const jo = players[1]!;
      const kicked = withTimeout(
        new Promise((resolve) => jo.client.socket.once('session:closed', resolve)),
        10_000,
        'session:closed',
      );
      expectOk(await host.call('host:control', { command: 'remove', playerId: jo.playerId }));
      expect(await kicked).toMatchObject({ code: 'kicked' });
      refused(await jo.client.call('player:resume', { roomCode: code, resumeToken: jo.token }), 'auth/removed');
      const fresh = await server.client();
      refused(await fresh.call('player:resume', { roomCode: code, resumeToken: jo.token }), 'auth/removed');
      refused(await fresh.call('host:resume', { roomCode: code, hostToken: jo.token }), 'auth/token');
      refused(await fresh.call('player:join', { roomCode: code, name: ' jo ' }), 'name/banned');
      refused(await jo.client.call('game:sync', {}), 'auth/not-joined');
    },
  );

  it("another host's report is unknown: wrong key, player's token, key in the URL, none", async () => {
    const { host, hostToken, players } = await room(['Kay', 'Lee'], 30);
    const seats: Seat[] = players.map((p, i) => ({ client: p.client, playerId: p.playerId, right: i === 0 }));
    expectOk(await host.call('host:control', { command: 'start' }));
    await playToEnd(host, seats, PACK);
    const podium: Podium = await withTimeout(host.waitFor('game:podium'), 15_000, 'the podium');
    const other = await room([]);
    const get = (path: string, key?: string) =>
      fetch(`${server.url}${path}`, key === undefined ? {} : { headers: { 'x-host-key': key } });
    const report = `/api/games/${encodeURIComponent(podium.gameId)}/report`;
    const own = await get(report, hostToken);
    expect(own.status).toBe(200);
    for (const [path, key, status, code] of [
      [report, other.hostToken, 404, 'game/unknown'],
      [`${report}.csv`, other.hostToken, 404, 'game/unknown'],
      [report, players[0]!.token, 404, 'game/unknown'],
      [report, undefined, 401, 'auth/token'],
      [`${report}?hostKey=${hostToken}`, undefined, 401, 'auth/token'],
      [report, 'not a key', 401, 'auth/token'],
      ['/api/games', other.hostToken, 200, null],
    ] as const) {
      const res = await get(path, key);
      expect({ path, key, status: res.status }).toEqual({ path, key, status });
      const body = (await res.json()) as { error?: { code: string }; games?: unknown[] };
      if (code) expect(body.error?.code).toBe(code);
      else expect(body.games).toEqual([]);
    }
  });

  it(
    'a solo log edited to score more is refused with its reason, and no ' + 'edited log reaches the leaderboard',
    async () => {
      const player = await server.client();
      const started = expectOk(
        await player.call('solo:start', { name: 'Solo', packId: PACK, lang: 'en', questionTimeS: 30 }),
      );
      let version = expectOk(await player.call('solo:control', { command: 'start' })).version as number;
      let right = false;
      for (let guard = 0; guard < 200; guard++) {
        const view = await withTimeout(
          player.waitFor('room:view', (v) => v.version >= version),
          10_000,
          'the solo view',
        );
        if (view.finished) break;
        if (view.phase === 'question' && view.question && !view.question.closed && !view.question.mine) {
          const q = view.question.question;
          skipped += 4_000; // "thinking"
          right = !right; // half right, half wrong: room to cheat
          const reply = await player.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, right) });
          if (reply.ok) version = reply.version as number;
        }
        const next = await player.call('solo:control', { command: 'next' });
        if (next.ok) version = next.version as number;
      }
      const podium: Podium = await withTimeout(player.waitFor('game:podium'), 15_000, 'the solo podium');
      expect(podium.solo?.verified).toBe(true);
      const board = `pack-${PACK}`;
      const boardBefore = await (await fetch(`${server.url}/api/solo/leaderboard?board=${board}`)).json();
      const actions = (await server.storage.getGame(podium.gameId))!.actions;
      const honest = { packId: PACK, seed: started.seed as string, actions, questionTimeS: 30, gameId: podium.gameId };
      const verify = (body: object) =>
        fetch(`${server.url}/api/solo/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      expect(await (await verify(honest)).json()).toMatchObject({
        ok: true,
        verified: true,
        score: podium.solo!.score,
      });

      const forged = async (body: object, reason: RegExp) => {
        const res = await verify(body);
        const json = (await res.json()) as { error?: { code: string; message: string } };
        expect({ status: res.status, code: json.error?.code }).toEqual({ status: 422, code: 'solo/forged' });
        expect(json.error?.message).toMatch(reason);
      };
      const human = started.playerId as string;
      const answers = actions
        .map((a, i) => [a, i] as const)
        .filter(([a]) => a.type === 'answer' && a.actor.role === 'player' && a.actor.playerId === human);
      expect(answers.length).toBeGreaterThan(1);
      // A higher score claimed than the log replays to.
      await forged({ ...honest, claimedScore: podium.solo!.score + 1_000 }, /replay result differs/);
      // Answers moved to 1 ms after the question opened, for the speed points: not the times the server stamped (and
      // worth no more than an answer at the question's reading floor anyway, shared/engine/quiz/reading.ts).
      const [firstAnswer, firstIdx] = answers[0]!;
      const opened = [...actions.slice(0, firstIdx)]
        .reverse()
        .find((a) => a.type === 'tick' || a.type === 'start' || a.type === 'next');
      const fast = actions.map((a, i) => (i === firstIdx ? { ...a, at: (opened?.at ?? firstAnswer.at) + 1 } : a));
      await forged({ ...honest, actions: fast }, /its time \(\d+\) is not the server's|backwards|refused/);
      // The same answer twice, to be scored twice.
      const twice: Action[] = [...actions.slice(0, firstIdx + 1), firstAnswer, ...actions.slice(firstIdx + 1)];
      // (A solo question closes once its one player answered: the copy meets a closed question.)
      await forged({ ...honest, actions: twice }, /answer\/duplicate|action\/wrong-phase|question\/closed/);
      // An answer stamped after its question's deadline.
      const late = actions.map((a, i) => (i === firstIdx ? { ...a, at: a.at + 31_000 } : a));
      await forged({ ...honest, actions: late }, /answer\/late|backwards|question\/closed/);
      // The host's moves in a solo log, a second human, the end moved before the game.
      await forged(
        { ...honest, actions: [...actions.slice(0, 3), { type: 'end', actor: { role: 'host' }, at: actions[2]!.at }] },
        /no host/,
      );
      await forged({ ...honest, actions: actions.slice(0, Math.max(2, firstIdx)) }, /not finished/);
      // An edited log that still replays is refused too (it is not the run the server played: test/server/fair-play),
      // and the leaderboard takes only runs the server itself played, so the board is unchanged.
      const boardAfter = await (await fetch(`${server.url}/api/solo/leaderboard?board=${board}`)).json();
      expect(boardAfter).toEqual(boardBefore);
    },
  );

  it('tokens never reach another client, nor any URL the server sees', async () => {
    // Capture everything every client receives: events and the acknowledgements of its own calls.
    const inbox = new Map<TestClient, string[]>();
    const watch = (c: TestClient) => {
      const list: string[] = [];
      inbox.set(c, list);
      c.socket.onAny((event: string, ...args: unknown[]) => list.push(`${event} ${JSON.stringify(args)}`));
      const call = c.call.bind(c);
      c.call = async (event, payload) => {
        const reply = await call(event, payload);
        list.push(`ack ${event} ${JSON.stringify(reply)}`);
        return reply;
      };
      return c;
    };
    const host = watch(await server.client());
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 30 } }));
    const hostToken = created.hostToken as string;
    const seats: Array<Seat & { token: string }> = [];
    for (const [i, name] of ['Max', 'Ned', 'Olu'].entries()) {
      const client = watch(await server.client());
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      seats.push({ client, playerId: joined.playerId as string, token: joined.resumeToken as string, right: i !== 1 });
    }
    // A reload (resume on a new socket, the old one replaced), a host reload, a kick: every path that touches tokens.
    const reloaded = watch(await server.client());
    expectOk(await reloaded.call('player:resume', { roomCode: created.roomCode, resumeToken: seats[0]!.token }));
    seats[0]!.client = reloaded;
    const projector = watch(await server.client());
    expectOk(await projector.call('host:resume', { roomCode: created.roomCode, hostToken }));
    const spectator = watch(await server.client());
    refusedSilently(await spectator.call('player:join', { roomCode: created.roomCode, name: 'max' }));
    const kickedV = expectOk(await projector.call('host:control', { command: 'remove', playerId: seats[2]!.playerId }))
      .version as number;
    await withTimeout(
      projector.waitFor('host:view', (v) => v.version >= kickedV),
      10_000,
      'the kick',
    );
    expectOk(await projector.call('host:control', { command: 'start' }));
    await playToEnd(projector, seats.slice(0, 2), PACK);
    await withTimeout(projector.waitFor('game:podium'), 15_000, 'the podium');
    for (const s of seats.slice(0, 2))
      await withTimeout(s.client.waitFor('game:podium'), 15_000, 'the podium for a player');

    const owners = new Map<string, TestClient[]>([
      [hostToken, [host, projector]],
      ...seats.map(
        (s, i) => [s.token, i === 0 ? [reloaded, inboxOwner(inbox, s.token)] : [s.client]] as [string, TestClient[]],
      ),
    ]);
    let messages = 0;
    for (const [client, list] of inbox) {
      messages += list.length;
      const text = list.join('\n');
      for (const [token, mine] of owners) {
        if (mine.includes(client)) continue;
        expect(text.includes(token), `a token of another client in ${list.length} messages`).toBe(false);
        expect(text.includes(hashToken(token)), 'a token hash in a message').toBe(false);
      }
    }
    expect(messages).toBeGreaterThan(50);
    // URLs: Socket.IO handshakes, upgrades and the HTTP API carry no token (the report key goes in a header).
    const report = await fetch(`${server.url}/api/games`, { headers: { 'x-host-key': hostToken } });
    expect(report.status).toBe(200);
    expect(urls.length).toBeGreaterThan(5);
    for (const token of owners.keys()) expect(urls.filter((u) => u.includes(token))).toEqual([]);
  });
});

/** A refusal whose code does not matter here (the capture is the point). */
function refusedSilently(reply: { ok: boolean }): void {
  expect(reply.ok).toBe(false);
}

/** The client that first received `token` in an ack of its own (the seat's first device). */
function inboxOwner(inbox: Map<TestClient, string[]>, token: string): TestClient {
  for (const [client, list] of inbox)
    if (list.some((m) => m.startsWith('ack player:join') && m.includes(token))) return client;
  throw new Error('no owner for a token');
}
