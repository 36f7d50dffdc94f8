import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../server/storage/index.js';
import type { GameView } from '../../shared/engine/index.js';
import type { YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestServer } from './harness.js';

const PACK = 'warmup-en';

describe('restart', () => {
  const servers: TestServer[] = [];
  const storages: Array<{ close(): Promise<void> }> = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const s of storages) await s.close();
  });

  it('brings an active room back from its stored log: scores, seats and the host token survive', async () => {
    const storage = await createStorage({ sqlitePath: ':memory:' });
    storages.push(storage);
    const first = await startServer({ storage });
    servers.push(first);
    const host = await first.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }));
    const player = await first.client();
    const joined = expectOk(await player.call('player:join', { roomCode: created.roomCode, name: 'Kim' }));
    const started = expectOk(await host.call('host:control', { command: 'start' }));
    const view = await host.waitFor('host:view', (v) => v.version >= started.version && v.phase === 'question');
    const q = view.question!.question;
    expectOk(await player.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    const scored = await player.waitForYou((y) => y.score > 0);
    const next = expectOk(await host.call('host:control', { command: 'next' }));
    await host.waitFor('host:view', (v) => v.version >= next.version && v.phase === 'question');
    await first.app.manager().get(created.roomCode)!.drain();
    // The process goes away (its rooms are dropped from memory; only the database remains).
    await first.close();

    const second = await startServer({ storage });
    servers.push(second);
    const phone = await second.client();
    const resumed = expectOk(
      await phone.call('player:resume', { roomCode: created.roomCode, resumeToken: joined.resumeToken }),
    );
    expect((resumed.you as YouMessage).score).toBe(scored.score);
    expect((resumed.view as GameView).phase).toBe('question');
    const projector = await second.client();
    const back = expectOk(
      await projector.call('host:resume', { roomCode: created.roomCode, hostToken: created.hostToken }),
    );
    expect((back.view as GameView).step).toBe(1);
    const q2 = (resumed.view as GameView).question!.question;
    expectOk(await phone.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, true) }));
    const more = await phone.waitForYou((y) => y.score > scored.score);
    expect(more.name).toBe('Kim');
  });
});
