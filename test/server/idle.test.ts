// Idle rooms leave memory: after 6 h without an action, or after 30 min when nobody joined or it is a solo run
// (such rooms hold a place under the room cap and nobody waits in them).
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, startServer, type TestServer } from './harness.js';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const MIN = 60_000;

describe('idle rooms', () => {
  it(
    'a lobby nobody joined and an untouched solo run go after 30 min; a room ' + 'with players stays until 6 h',
    async () => {
      let now = Date.now();
      server = await startServer({ clock: () => now });
      const host = await server.client();
      const empty = expectOk(await host.call('room:create', { packId: 'warmup-en' })).roomCode as string;
      const joined = expectOk(await host.call('room:create', { packId: 'warmup-en' })).roomCode as string;
      expectOk(await (await server.client()).call('player:join', { roomCode: joined, name: 'Ada' }));
      const soloist = await server.client();
      const solo = expectOk(
        await soloist.call('solo:start', { name: 'Solo', packId: 'warmup-en', lang: 'en', questionTimeS: 30 }),
      ).roomCode as string;
      const manager = server.app.manager();
      const inMemory = () => [empty, joined, solo].filter((code) => manager.get(code) !== undefined);

      now += 29 * MIN;
      manager.sweep();
      expect(inMemory()).toEqual([empty, joined, solo]);

      now += 2 * MIN;
      manager.sweep();
      expect(inMemory()).toEqual([joined]);
      // A late visitor to the dropped lobby is told it is gone.
      expect(await (await server.client()).call('player:join', { roomCode: empty, name: 'Late' })).toMatchObject({
        ok: false,
      });

      now += 6 * 60 * MIN;
      manager.sweep();
      expect(inMemory()).toEqual([]);
    },
  );
});
