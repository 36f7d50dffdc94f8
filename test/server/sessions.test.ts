import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameView } from '../../shared/engine/index.js';
import type { SessionClosed, YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';
import { hostView } from './play.js';

const PACK = 'warmup-en';

describe('reconnection, host reload and removal', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  async function room(names: string[]) {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }));
    const players: Array<{ client: TestClient; playerId: string; token: string }> = [];
    for (const name of names) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      players.push({ client, playerId: joined.playerId, token: joined.resumeToken });
    }
    return { host, code: created.roomCode as string, hostToken: created.hostToken as string, players };
  }

  async function openQuestion(host: TestClient, version: number): Promise<GameView> {
    return host.waitFor('host:view', (v) => v.version >= version && v.phase === 'question' && !v.question?.closed);
  }

  it('a player reconnecting mid-question gets its seat back with name, score and its answer', async () => {
    const { host, code, players } = await room(['Ada', 'Bob']);
    const [a, b] = players as [(typeof players)[0], (typeof players)[0]];
    let view = await openQuestion(host, expectOk(await host.call('host:control', { command: 'start' })).version);
    let q = view.question!.question;
    expectOk(await a.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    expectOk(await b.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, false) }));
    const closed = await a.client.waitForYou((y) => y.score > 0);
    // Next question, A answers, then its phone sleeps.
    view = await openQuestion(host, expectOk(await host.call('host:control', { command: 'next' })).version);
    q = view.question!.question;
    const first = expectOk(
      await a.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }),
    );
    a.client.socket.disconnect();

    const again = await server.client();
    const resumed = expectOk(await again.call('player:resume', { roomCode: code, resumeToken: a.token }));
    expect(resumed.playerId).toBe(a.playerId);
    const you = resumed.you as YouMessage;
    expect(you).toMatchObject({ name: 'Ada', score: closed.score });
    expect(you.answer?.answer).toEqual(answerFor(PACK, q, true));
    expect((resumed.view as GameView).question?.question.id).toBe(q.id);
    // Answers are idempotent per (player, question): the retry gets the first reply again, and scores once.
    const twice = await again.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) });
    expect(twice).toMatchObject({ ok: true, version: first.version, sealed: { questionId: q.id } });
    expectOk(await b.client.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    const after = await again.waitForYou((y) => y.score > closed.score);
    expect(after.playerId).toBe(a.playerId);
  });

  it("the host's reload resumes the host view; a wrong token is refused", async () => {
    const { host, code, hostToken, players } = await room(['Cy']);
    await openQuestion(host, expectOk(await host.call('host:control', { command: 'start' })).version);
    host.socket.disconnect();
    const wrong = await (await server.client()).call('host:resume', { roomCode: code, hostToken: 'A'.repeat(21) });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth/token' } });
    // A player's own token does not make it the host.
    const asPlayer = await players[0]!.client.call('host:resume', { roomCode: code, hostToken: players[0]!.token });
    expect(asPlayer).toMatchObject({ ok: false, error: { code: 'auth/token' } });
    const reloaded = await server.client();
    const resumed = expectOk(await reloaded.call('host:resume', { roomCode: code, hostToken }));
    expect((resumed.view as GameView).phase).toBe('question');
    const next = expectOk(await reloaded.call('host:control', { command: 'next' }));
    const view = await hostView(reloaded, next.version);
    expect(view.question?.closed).toBe(true);
  });

  it('a removed player cannot come back: old token refused, name banned, old socket powerless', async () => {
    const { host, code, players } = await room(['Dee', 'Eve']);
    const eve = players[1]!;
    const closed = new Promise<SessionClosed>((resolve) => eve.client.socket.once('session:closed', resolve));
    expectOk(await host.call('host:control', { command: 'remove', playerId: eve.playerId }));
    expect(await closed).toMatchObject({ code: 'kicked' });
    expect(await eve.client.call('player:resume', { roomCode: code, resumeToken: eve.token })).toMatchObject({
      ok: false,
      error: { code: 'auth/removed' },
    });
    expect(await (await server.client()).call('player:join', { roomCode: code, name: 'EVE' })).toMatchObject({
      ok: false,
      error: { code: 'name/banned' },
    });
    expectOk(await host.call('host:control', { command: 'start' }));
    const answer = await eve.client.call('player:answer', { questionId: 'q1', answer: { type: 'single', choice: 0 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'auth/not-joined' } });
    const view = await host.waitFor('host:view', (v) => v.phase === 'question');
    expect(view.players.map((p) => p.name)).toEqual(['Dee']);
  });
});
