// Rules in one place (issue 14): a join refused by the room is refused by the engine's own rule with the same code
// (late join, names taken or banned, the lobby lock), teams are balanced by the engine, and the views a room sends
// (the join ack's, the shared broadcast) are the engine's view parts, not a second shaping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinRefusal,
  next,
  playerOf,
  sharedView,
  teamLeaderboard,
  viewFor,
  type GameState,
  type GameView,
} from '../../shared/engine/index.js';
import type { GameOptions } from '../../shared/protocol/index.js';
import { expectOk, startServer, type TestClient, type TestServer } from './harness.js';

describe('the room asks the engine for the game rules', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({
      socketRate: { ratePerS: 1000, burst: 1000 },
      roomCreateRate: { ratePerS: 1000, burst: 1000 },
    });
  });
  afterAll(() => server.close());

  async function room(options: GameOptions) {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId: 'warmup-en', options }));
    const code = created.roomCode as string;
    return { host, code, room: () => server.app.manager().get(code)! };
  }
  const join = async (roomCode: string, name: string) =>
    (await server.client()).call('player:join', { roomCode, name });
  /** The engine's own verdict on the same join, applied to the room's state. */
  const engineCode = (state: GameState, name: string) => {
    const r = next(state, { type: 'join', actor: { role: 'system' }, at: state.now, playerId: 'probe', name });
    const error = r.events.find((e) => e.type === 'error');
    return error?.type === 'error' ? error.code : null;
  };

  it(
    'a late join refused by the room has the code the engine refuses it with ' + '(room/started, lobby/locked)',
    async () => {
      const closed = await room({ lateJoin: false });
      expectOk(await join(closed.code, 'Ada'));
      expectOk(await closed.host.call('host:control', { command: 'start' }));
      const refused = await join(closed.code, 'Late');
      expect(refused).toMatchObject({ ok: false, error: { code: 'room/started' } });
      expect(engineCode(closed.room().state, 'Late')).toBe('room/started');
      expect(joinRefusal(closed.room().state, 'Late')?.code).toBe('room/started');

      const locked = await room({ lateJoin: true });
      expectOk(await join(locked.code, 'Ada'));
      expectOk(await locked.host.call('host:control', { command: 'lock', locked: true }));
      expect(await join(locked.code, 'Bo')).toMatchObject({ ok: false, error: { code: 'lobby/locked' } });
      expect(engineCode(locked.room().state, 'Bo')).toBe('lobby/locked');
    },
  );

  it("names: taken and banned are the engine's codes for the room's state", async () => {
    const r = await room({});
    const ada = expectOk(await join(r.code, 'Ada'));
    expect(await join(r.code, 'ADA')).toMatchObject({ ok: false, error: { code: 'name/taken' } });
    expect(engineCode(r.room().state, 'ADA')).toBe('name/taken');
    expectOk(await r.host.call('host:control', { command: 'remove', playerId: ada.playerId }));
    expect(await join(r.code, 'ada')).toMatchObject({ ok: false, error: { code: 'name/banned' } });
    expect(engineCode(r.room().state, 'ada')).toBe('name/banned');
  });

  it('teams are balanced by the engine (after a move and a removal too)', async () => {
    const r = await room({ mode: 'team', teamCount: 3 });
    const ids: string[] = [];
    for (const name of ['A', 'B', 'C', 'D']) ids.push(expectOk(await join(r.code, name)).playerId as string);
    const teamOf = (id: string) => playerOf(r.room().state, id)?.teamId;
    expect(ids.map(teamOf)).toEqual(['t1', 't2', 't3', 't1']);
    expectOk(await r.host.call('host:control', { command: 'move', playerId: ids[1], teamId: 't3' }));
    expectOk(await r.host.call('host:control', { command: 'remove', playerId: ids[2] }));
    // t1: A, D; t2: none; t3: B.
    const e = expectOk(await join(r.code, 'E')).playerId as string;
    expect(teamOf(e)).toBe('t2');
    expect(r.room().state.teamSizes).toEqual({ t1: 2, t2: 1, t3: 1 });
  });

  it(
    "the podium's teams are the engine's team leaderboard (a removed member " + 'is in neither its list nor its score)',
    async () => {
      const r = await room({ mode: 'team', teamCount: 2 });
      const ids: string[] = [];
      for (const name of ['A', 'B', 'C']) ids.push(expectOk(await join(r.code, name)).playerId as string);
      expectOk(await r.host.call('host:control', { command: 'remove', playerId: ids[2] }));
      expectOk(await r.host.call('host:control', { command: 'start' }));
      expectOk(await r.host.call('host:control', { command: 'end' }));
      const podium = await r.host.waitFor('game:podium');
      const members = podium.teams.flatMap((t) => t.members.map((m) => m.playerId));
      expect(members.sort()).toEqual([ids[0], ids[1]].sort());
      expect(podium.teams).toEqual(
        teamLeaderboard(r.room().state).map((t) => expect.objectContaining({ teamId: t.teamId, members: t.members })),
      );
    },
  );

  it("the join ack's view and the shared broadcast are the engine's view parts", async () => {
    const r = await room({ leaderboard: 'top3' });
    const seats: Array<{ client: TestClient; playerId: string; view: GameView }> = [];
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: r.code, name }));
      seats.push({ client, playerId: joined.playerId as string, view: joined.view as GameView });
    }
    expectOk(await r.host.call('host:control', { command: 'start' }));
    const state = r.room().state;
    const last = seats.at(-1)!;
    const synced = expectOk(await last.client.call('game:sync', {})).view as GameView;
    expect(synced).toEqual(viewFor(state, { role: 'player', playerId: last.playerId }));
    expect(r.room().sharedView()).toEqual(sharedView(state, null));
    // top3: the fifth player sees three rows and then its own.
    expect(synced.players.map((p) => p.id).at(-1)).toBe(last.playerId);
    expect(synced.players).toHaveLength(4);
  });
});
