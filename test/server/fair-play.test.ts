// Fair competition (issue 13, docs/SECURITY.md "Fair competition"): only knowledge and speed win. Each test here
// is one way a curious student won without knowing the answer, refused or made worthless.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnswerRecord, GameView } from '../../shared/engine/index.js';
import type { Podium } from '../../shared/protocol/index.js';
import { SessionController } from '../../client/src/session/session-controller.js';
import { tokens } from '../../client/src/session/tokens.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

const PACK = 'warmup-en';
let now = 1_800_000_000_000;

async function openRoom(server: TestServer, options: Record<string, unknown> = {}) {
  const host = await server.client();
  const created = expectOk(
    await host.call('room:create', { packId: PACK, options: { questionTimeS: 20, ...options } }),
  );
  return { host, code: created.roomCode as string, hostToken: created.hostToken as string };
}

async function seat(server: TestServer, code: string, name: string, teamId?: string) {
  const client = await server.client();
  const joined = expectOk(await client.call('player:join', { roomCode: code, name, ...(teamId ? { teamId } : {}) }));
  return { client, playerId: joined.playerId as string, token: joined.resumeToken as string };
}

/** This player's record of a closed question, from its own sync. */
async function recordOf(client: TestClient, questionId: string): Promise<AnswerRecord> {
  const synced = expectOk(await client.call('game:sync', {}));
  const you = synced.you as { questionId: string | null; answer: AnswerRecord | null };
  expect(you.questionId).toBe(questionId);
  return you.answer!;
}

describe('fair competition', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock: () => now });
  });
  afterAll(() => server.close());

  it('late resume: a seat away when the question opened is timed from the opening, not from its return', async () => {
    const { host, code } = await openRoom(server);
    const honest = await seat(server, code, 'Honest');
    const away = await seat(server, code, 'Away');
    // The cheater's phone goes away before the question opens (offline, or on purpose).
    away.client.socket.disconnect();
    const version = expectOk(await host.call('host:control', { command: 'start' })).version as number;
    const view: GameView = await honest.client.waitFor(
      'room:view',
      (v) => v.version >= version && v.phase === 'question',
    );
    const q = view.question!.question;
    // Five seconds of reading the question on the projector (or on a second seat).
    now += 5000;
    const back = await server.client();
    const resumed = expectOk(await back.call('player:resume', { roomCode: code, resumeToken: away.token }));
    expect((resumed.view as GameView).question?.question.id).toBe(q.id);
    // Both answer right at the same moment.
    expectOk(await back.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    expectOk(await honest.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    await honest.client.waitFor('room:view', (v) => v.question?.question.id === q.id && v.question.closed);
    const [h, a] = [await recordOf(honest.client, q.id), await recordOf(back, q.id)];
    expect(h.elapsedMs).toBe(5000);
    expect(a.elapsedMs).toBe(5000);
    expect(a.points).toBe(h.points);
    expect(a.points).toBeLessThan(1000);
  });

  it(
    'look-alike, invisible and disguised abusive nicknames are refused in a ' +
      'room; a removed name stays banned in every disguise',
    async () => {
      const { host, code } = await openRoom(server);
      await seat(server, code, 'alice');
      const mallory = await seat(server, code, 'mallory');
      const join = async (name: string) => (await server.client()).call('player:join', { roomCode: code, name });
      for (const name of ['\u0430lice', 'al\u034Fice', 'alice\uFE0F', 'aIice', 'Alice', 'alice\u3164', 'alice\u2800']) {
        expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/taken' } });
      }
      expectOk(await host.call('host:control', { command: 'remove', playerId: mallory.playerId }));
      for (const name of [
        'mallory',
        'm\u0430llory',
        'mall\u03BFry',
        'mallory\u034F',
        'mallory\uFE0F',
        'mallory\u3164',
        'mallory\u2800',
      ]) {
        expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/banned' } });
      }
      for (const name of ['\u3164', '\u2800', '\u200D', '\u034F', '\uFE0F', '\u3164\u2800\u3164']) {
        expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/invalid' } });
      }
      for (const name of ['f\u00FCck', 'fu\u0441k', 'n\u0430zi']) {
        expect(await join(name), name).toMatchObject({ ok: false, error: { code: 'name/abusive' } });
      }
      expectOk(await join('Alicia'));
    },
  );

  it(
    'solo pause-to-read: the paused view hides the question, the pause ' +
      'counts for speed, and the honest pauser is verified',
    async () => {
      // The same run for two players: one pauses 5 ms after the question opens, reads for a minute, resumes and answers
      // 100 ms later; the other answers after 5 s.
      const runs: Array<{ points: number; podium: Podium; seed: string; client: TestClient; playerId: string }> = [];
      for (const pauser of [true, false]) {
        const client = await server.client();
        const started = expectOk(
          await client.call('solo:start', {
            name: pauser ? 'Pauser' : 'Steady',
            packId: PACK,
            lang: 'en',
            questionTimeS: 30,
          }),
        );
        let version = expectOk(await client.call('solo:control', { command: 'start' })).version as number;
        let first = 0;
        for (let guard = 0; guard < 200; guard++) {
          const view: GameView = await client.waitFor('room:view', (v) => v.version >= version);
          if (view.finished) break;
          if (view.phase === 'question' && view.question && !view.question.closed && !view.question.mine) {
            const q = view.question.question;
            expect(q.prompt).not.toBe('');
            if (pauser && first === 0) {
              now += 5;
              const paused = expectOk(await client.call('solo:control', { command: 'pause' })).version as number;
              const hidden: GameView = await client.waitFor('room:view', (v) => v.version >= paused && v.paused);
              const shown = hidden.question!.question;
              expect(shown.prompt).toBe('');
              expect(
                [...(shown.options ?? []), ...(shown.items ?? []), ...(shown.left ?? []), ...(shown.right ?? [])].join(
                  '',
                ),
              ).toBe('');
              expect(shown.note ?? '').toBe('');
              expect((expectOk(await client.call('game:sync', {})).view as GameView).question!.question.prompt).toBe(
                '',
              );
              now += 60_000;
              expectOk(await client.call('solo:control', { command: 'resume' }));
              now += 100;
            } else {
              now += 5_000;
            }
            const reply = expectOk(
              await client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }),
            );
            version = reply.version as number;
            if (first === 0) {
              await client.waitFor('room:view', (v) => v.question?.question.id === q.id && v.question.closed);
              first = (await recordOf(client, q.id)).points;
            }
            continue;
          }
          const next = await client.call('solo:control', { command: 'next' });
          if (next.ok) version = next.version as number;
        }
        const podium: Podium = await client.waitFor('game:podium');
        runs.push({
          points: first,
          podium,
          seed: started.seed as string,
          client,
          playerId: started.playerId as string,
        });
      }
      const [pauser, steady] = runs as [(typeof runs)[number], (typeof runs)[number]];
      // A minute of reading while paused is a minute of response time: 500 points (right, at the last moment).
      expect(pauser.points).toBe(500);
      expect(steady.points).toBeGreaterThan(pauser.points);
      // The honest pauser is not taken for a bot ("answered 105 ms after the question opened").
      expect(pauser.podium.solo).toMatchObject({ verified: true });
      expect(steady.podium.solo).toMatchObject({ verified: true });
    },
  );

  it(
    'a solo log is verified only as the run the server played: an edited log ' + 'that replays cleanly is refused',
    async () => {
      const client = await server.client();
      const started = expectOk(
        await client.call('solo:start', { name: 'Runner', packId: PACK, lang: 'en', questionTimeS: 30 }),
      );
      let version = expectOk(await client.call('solo:control', { command: 'start' })).version as number;
      for (let guard = 0; guard < 200; guard++) {
        const view: GameView = await client.waitFor('room:view', (v) => v.version >= version);
        if (view.finished) break;
        if (view.phase === 'question' && view.question && !view.question.closed && !view.question.mine) {
          now += 6_000;
          version = expectOk(
            await client.call('player:answer', {
              questionId: view.question.question.id,
              answer: answerFor(PACK, view.question.question, true),
            }),
          ).version as number;
          continue;
        }
        const next = await client.call('solo:control', { command: 'next' });
        if (next.ok) version = next.version as number;
      }
      const podium: Podium = await client.waitFor('game:podium');
      expect(podium.solo).toMatchObject({ verified: true });
      const actions = (await server.storage.getGame(podium.gameId))!.actions;
      const honest = { packId: PACK, seed: started.seed as string, actions, questionTimeS: 30, gameId: podium.gameId };
      const verify = async (body: object) => {
        const res = await fetch(`${server.url}/api/solo/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return {
          status: res.status,
          json: (await res.json()) as {
            ok: boolean;
            verified?: boolean;
            score?: number;
            error?: { code: string; message: string };
          },
        };
      };
      expect((await verify(honest)).json).toMatchObject({ ok: true, verified: true, score: podium.solo!.score });
      // Every answer claimed 5 s sooner than the server saw it (still in order, still 1 s after its question opened):
      // the log replays cleanly, to a higher score, but these are not the server's times.
      const human = started.playerId as string;
      const faster = actions.map((a) =>
        a.type === 'answer' && a.actor.role === 'player' && a.actor.playerId === human
          ? { ...a, at: a.at - 5_000, elapsedMs: 1_000 }
          : a,
      );
      const forged = await verify({ ...honest, actions: faster });
      expect(forged.status).toBe(422);
      expect(forged.json.error).toMatchObject({ code: 'solo/forged' });
      expect(forged.json.error!.message).toMatch(/differs from the run the server played: its time/);
      // A log with no run behind it, or another run's id, is refused with its reason.
      expect((await verify({ ...honest, gameId: undefined })).json.error?.message).toMatch(/no run this server played/);
      expect((await verify({ ...honest, gameId: `${podium.gameId}x` })).json.error?.message).toMatch(
        /played no solo run/,
      );
      expect((await verify({ ...honest, actions: actions.slice(0, -1) })).status).toBe(422);
      // Scored with the run's own question time, not a longer one the body claims.
      expect((await verify({ ...honest, questionTimeS: 300 })).json).toMatchObject({
        ok: true,
        score: podium.solo!.score,
      });
    },
  );

  it('team ids named like Object.prototype members are refused at join, team change and host move', async () => {
    const { host, code } = await openRoom(server, { mode: 'team', teamCount: 2 });
    const ada = await seat(server, code, 'Ada', 't1');
    for (const teamId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const join = await (
        await server.client()
      ).call('player:join', { roomCode: code, name: `Eve ${teamId.length}`, teamId });
      expect(join.ok, `join ${teamId}`).toBe(false);
      expect((await ada.client.call('player:team', { teamId })).ok, `player:team ${teamId}`).toBe(false);
      expect(
        (await host.call('host:control', { command: 'move', playerId: ada.playerId, teamId })).ok,
        `move ${teamId}`,
      ).toBe(false);
    }
    const view = expectOk(await host.call('game:sync', {})).view as GameView;
    expect(view.players.map((p) => p.teamId)).toEqual(['t1']);
    expect(view.teams.map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('a host command retried with its command id applies once: the retry gets the first reply', async () => {
    const { host, code, hostToken } = await openRoom(server);
    await seat(server, code, 'Pat');
    const started = expectOk(await host.call('host:control', { command: 'start', commandId: 'start-0001' }));
    const room = server.app.manager().get(code)!;
    expect(room.state.step).toBe(0);
    const limit = room.state.question!.limitMs;
    // add-time, then its retry (same id) from the host's reloaded page: 10 s once.
    const added = expectOk(
      await host.call('host:control', { command: 'add-time', seconds: 10, commandId: 'addtime-0001' }),
    );
    const reloaded = await server.client();
    expectOk(await reloaded.call('host:resume', { roomCode: code, hostToken }));
    expect(
      await reloaded.call('host:control', { command: 'add-time', seconds: 10, commandId: 'addtime-0001' }),
    ).toEqual(added);
    expect(room.state.question!.limitMs).toBe(limit + 10_000);
    // next (closes the question), then its retry: the game stays on the reveal of question 1, no question skipped.
    const closed = expectOk(await reloaded.call('host:control', { command: 'next', commandId: 'next-00000001' }));
    expect(await reloaded.call('host:control', { command: 'next', commandId: 'next-00000001' })).toEqual(closed);
    expect(room.state.phase).toBe('reveal');
    expect(room.state.step).toBe(0);
    // A new command (new id) applies.
    expectOk(await reloaded.call('host:control', { command: 'next', commandId: 'next-00000002' }));
    expect(room.state.step).toBe(1);
    expect(started.version).toBeGreaterThan(0);
  });

  it("the client's timed-out host command is retried with the same id: a slow 'next' skips no question", async () => {
    const slowServer = await startServer();
    try {
      // The server takes the first host:control 1.5 s to handle; the client gives up after 300 ms and retries.
      let slowed = false;
      let slowDone: () => void = () => {};
      const slowHandled = new Promise<void>((resolve) => (slowDone = resolve));
      slowServer.app.io.on('connection', (socket) => {
        socket.use((packet, next) => {
          if (packet[0] !== 'host:control' || slowed || (packet[1] as { command?: string }).command !== 'next')
            return next();
          slowed = true;
          setTimeout(() => (next(), slowDone()), 1500);
        });
      });
      const controller = new SessionController({ addController() {}, requestUpdate() {} } as never, {
        url: slowServer.url,
        transports: ['websocket'],
        ackTimeoutMs: 300,
      });
      // As the teacher's browser does: the create form makes the room over HTTP and keeps the host token on the
      // device (a localStorage here), then the host view takes the host seat with it.
      const stored = new Map<string, string>();
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => void stored.set(key, value),
        removeItem: (key: string) => void stored.delete(key),
      });
      const res = await fetch(`${slowServer.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ packId: PACK, options: { questionTimeS: 30 } }),
      });
      const created = (await res.json()) as { roomCode: string; hostToken: string };
      tokens.setHostToken(created.roomCode, created.hostToken);
      await controller.resumeHost(created.roomCode);
      const player = await slowServer.client();
      expectOk(await player.call('player:join', { roomCode: created.roomCode, name: 'Lee' }));
      await controller.control({ command: 'start' });
      const room = slowServer.app.manager().get(created.roomCode)!;
      expect(room.state.phase).toBe('question');
      await controller.control({ command: 'next' });
      await slowHandled;
      // Applied once: the first question's reveal, not the second question.
      expect(room.state.phase).toBe('reveal');
      expect(room.state.step).toBe(0);
      (controller as unknown as { socket: { disconnect(): void } | null }).socket?.disconnect();
    } finally {
      vi.unstubAllGlobals();
      await slowServer.close();
    }
  });
});
