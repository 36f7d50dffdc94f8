import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Podium } from '../../shared/protocol/index.js';
import { expectOk, startServer, type TestServer } from './harness.js';
import { playToEnd, type Seat } from './play.js';

const PACK = 'warmup-en';

describe('a classroom game over sockets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('plays a host and 5 players to the podium, stored before the podium, with a report', async () => {
    const host = await server.client();
    const created = expectOk(
      await host.call('room:create', { packId: PACK, options: { mode: 'classroom', questionTimeS: 30 } }),
    );
    expect(created.roomCode).toMatch(/^\d{6}$/);
    expect(created.hostToken.length).toBeGreaterThanOrEqual(21);
    expect(created.joinPath).toBe(`/join/${created.roomCode}`);

    const seats: Seat[] = [];
    const names = ['Ada', 'Grace', '민지', 'Linus', 'Ken'];
    for (const [i, name] of names.entries()) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      expect(joined.resumeToken.length).toBeGreaterThanOrEqual(21);
      expect(joined.you.name).toBe(name);
      seats.push({ client, playerId: joined.playerId, right: i < 3 });
    }
    // Joins are announced in batches: the host sees all five.
    await host.waitFor('host:view', (v) => v.players.length === 5);
    // Duplicate names are refused, case-insensitively.
    const dup = await (await server.client()).call('player:join', { roomCode: created.roomCode, name: 'ada' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'name/taken' } });

    const start = expectOk(await host.call('host:control', { command: 'start' }));
    expect(start.version).toBeGreaterThan(0);
    const questions = await playToEnd(host, seats, PACK);
    expect(questions).toBeGreaterThanOrEqual(5);

    const podium: Podium = await host.waitFor('game:podium');
    for (const s of seats) await s.client.waitFor('game:podium');
    expect(podium.standings).toHaveLength(5);
    const top = podium.standings[0]!;
    expect(top.score).toBeGreaterThan(0);
    expect(seats.slice(0, 3).map((s) => s.playerId)).toContain(top.playerId);

    // The game was stored before the podium was sent.
    const stored = await server.storage.getGame(podium.gameId);
    expect(stored?.players).toHaveLength(5);
    expect(stored?.answers.length).toBeGreaterThanOrEqual(questions * 5 - 5);

    // Each player's private message carries its own score and rank.
    const you = seats[0]!.client.you()!;
    expect(you.playerId).toBe(seats[0]!.playerId);
    expect(you.score).toBe(podium.standings.find((s) => s.playerId === seats[0]!.playerId)?.score);

    // Reports: only with the host key, in a header.
    const headers = { 'x-host-key': created.hostToken };
    const list = await (await fetch(`${server.url}/api/games`, { headers })).json();
    expect(list.games.map((g: { gameId: string }) => g.gameId)).toContain(podium.gameId);
    const report = await fetch(`${server.url}/api/games/${podium.gameId}/report`, { headers });
    expect(report.status).toBe(200);
    const csv = await fetch(`${server.url}/api/games/${podium.gameId}/report.csv`, { headers });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain('Ada');
    const stranger = await fetch(`${server.url}/api/games/${podium.gameId}/report`, {
      headers: { 'x-host-key': 'x'.repeat(21) },
    });
    expect(stranger.status).toBe(404);
    // No player ever saw the host token or another player's resume token.
    const seen = JSON.stringify(seats.map((s) => [...s.client.latest.values()]));
    expect(seen).not.toContain(created.hostToken);
  });
});
