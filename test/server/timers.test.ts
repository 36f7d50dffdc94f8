// A class's game runs on the server's clock: when a question's or a race's time runs out, every screen hears of
// it (the projector and every phone) without anyone pressing a button, and the race's bills follow at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionsPack } from '../browser/fixtures.js';
import { expectOk, startServer, type TestServer } from './harness.js';

describe('phases that a timer changes reach every screen', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it(
    'a question and a race end by themselves; host and players see the ' + 'reveal, the race result and the bills',
    async () => {
      const { pack } = optionsPack('timers-en', 'Timers');
      // One question (5 s, the shortest a host may set), then a 2-second race.
      const [q1] = pack.questions;
      const scenario = pack.scenarios[0]!;
      const short = {
        ...pack,
        questions: [{ ...q1!, timeLimitS: 5 }],
        scenarios: [{ ...scenario, lengthS: 2 }],
        rounds: [
          { kind: 'quiz' as const, questionIds: [q1!.id] },
          { kind: 'race' as const, scenarioId: scenario.id },
        ],
      };
      const hostKey = 'teacher-host-key-0123456789abc';
      const imported = await fetch(`${server.url}/api/packs/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-host-key': hostKey },
        body: JSON.stringify(short),
      });
      expect(imported.status).toBe(201);
      const { pack: stored } = await imported.json();

      const host = await server.client();
      const created = expectOk(
        await host.call('room:create', { packId: stored.id, hostKey, options: { questionTimeS: 5 } }),
      );
      const phones = [await server.client(), await server.client()];
      for (const [i, phone] of phones.entries())
        expectOk(await phone.call('player:join', { roomCode: created.roomCode, name: `P${i}` }));
      expectOk(await host.call('host:control', { command: 'start' }));

      // Nobody answers: the question closes when its time is up.
      for (const screen of [host, ...phones]) {
        const event = screen === host ? 'host:view' : 'room:view';
        const reveal = await screen.waitFor(event, (v) => v.phase === 'reveal');
        expect(reveal.question?.closed).toBe(true);
      }
      // The host moves on to the race (the leaderboard between rounds first), and the race runs out by itself.
      for (let phase = 'reveal'; phase !== 'race';) {
        const version = expectOk(await host.call('host:control', { command: 'next' })).version as number;
        phase = (await host.waitFor('host:view', (v) => v.version >= version)).phase;
      }
      for (const phone of phones) await phone.waitFor('room:view', (v) => v.phase === 'race');
      for (const phone of phones) {
        const result = await phone.waitFor('room:view', (v) => v.phase === 'race-result');
        expect(result.race).not.toBeNull();
        expect((await phone.waitFor('player:bill')).owner.kind).toBe('player');
      }
      expect((await host.waitFor('host:view', (v) => v.phase === 'race-result')).phase).toBe('race-result');
      expect((await host.waitFor('host:bills')).bills.length).toBe(3);
    },
    20_000,
  );
});
