// Fair competition (issue 13, docs/SECURITY.md "Fair competition"): only knowledge and speed win. Each test here
// is one way a curious student won without knowing the answer, refused or made worthless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerRecord, GameView } from '../../shared/engine/index.js';
import { SessionController } from '../../client/src/session/session-controller.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

const PACK = 'warmup-en';
let now = 1_800_000_000_000;

async function openRoom(server: TestServer, options: Record<string, unknown> = {}) {
  const host = await server.client();
  const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 20, ...options } }));
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
    const view: GameView = await honest.client.waitFor('room:view', (v) => v.version >= version && v.phase === 'question');
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

  it('look-alike, invisible and disguised abusive nicknames are refused in a room; a removed name stays banned in every disguise', async () => {
    const { host, code } = await openRoom(server);
    await seat(server, code, 'alice');
    const mallory = await seat(server, code, 'mallory');
    const join = async (name: string) => (await server.client()).call('player:join', { roomCode: code, name });
    for (const name of ['\u0430lice', 'al\u034Fice', 'alice\uFE0F', 'aIice', 'Alice', 'alice\u3164', 'alice\u2800']) {
      expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/taken' } });
    }
    expectOk(await host.call('host:control', { command: 'remove', playerId: mallory.playerId }));
    for (const name of ['mallory', 'm\u0430llory', 'mall\u03BFry', 'mallory\u034F', 'mallory\uFE0F', 'mallory\u3164', 'mallory\u2800']) {
      expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/banned' } });
    }
    for (const name of ['\u3164', '\u2800', '\u200D', '\u034F', '\uFE0F', '\u3164\u2800\u3164']) {
      expect(await join(name), JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'name/invalid' } });
    }
    for (const name of ['f\u00FCck', 'fu\u0441k', 'n\u0430zi']) {
      expect(await join(name), name).toMatchObject({ ok: false, error: { code: 'name/abusive' } });
    }
    expectOk(await join('Alicia'));
  });

  it('team ids named like Object.prototype members are refused at join, team change and host move', async () => {
    const { host, code } = await openRoom(server, { mode: 'team', teamCount: 2 });
    const ada = await seat(server, code, 'Ada', 't1');
    for (const teamId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const join = await (await server.client()).call('player:join', { roomCode: code, name: `Eve ${teamId.length}`, teamId });
      expect(join.ok, `join ${teamId}`).toBe(false);
      expect((await ada.client.call('player:team', { teamId })).ok, `player:team ${teamId}`).toBe(false);
      expect((await host.call('host:control', { command: 'move', playerId: ada.playerId, teamId })).ok, `move ${teamId}`).toBe(false);
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
    const added = expectOk(await host.call('host:control', { command: 'add-time', seconds: 10, commandId: 'addtime-0001' }));
    const reloaded = await server.client();
    expectOk(await reloaded.call('host:resume', { roomCode: code, hostToken }));
    expect(await reloaded.call('host:control', { command: 'add-time', seconds: 10, commandId: 'addtime-0001' })).toEqual(added);
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
          if (packet[0] !== 'host:control' || slowed || (packet[1] as { command?: string }).command !== 'next') return next();
          slowed = true;
          setTimeout(() => (next(), slowDone()), 1500);
        });
      });
      const controller = new SessionController({ addController() {}, requestUpdate() {} } as never, {
        url: slowServer.url,
        transports: ['websocket'],
        ackTimeoutMs: 300,
      });
      const created = await controller.createRoom(PACK, { questionTimeS: 30 });
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
      await slowServer.close();
    }
  });
});
