// Every game option from the create form, exercised through the protocol with real socket.io-client clients:
// scoring (accuracy mode, streaks, multiplier, partial credit), question time, races, teams, late join, the
// leaderboard, the question on devices, team roles, per-player extended time, host controls, host-as-player, and
// the cloud bill after a race. The authority's clock is the test's: "slow" answers move it, nothing sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerRecord, GameView } from '../../shared/engine/index.js';
import type { GameOptions, HostBills, RaceBill, YouMessage } from '../../shared/protocol/index.js';
import { billsOf } from '../../server/rooms/record.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

let now = 1_700_000_000_000;

interface Seat {
  client: TestClient;
  playerId: string;
}

describe('game options', () => {
  let server: TestServer;
  beforeAll(async () => {
    // One room per case, all from 127.0.0.1 (25 so far): over the default per-address room budget (burst 30) soon.
    server = await startServer({
      clock: () => now,
      socketRate: { ratePerS: 1000, burst: 1000 },
      roomCreateRate: { ratePerS: 1000, burst: 1000 },
    });
  });
  afterAll(() => server.close());

  async function room(options: GameOptions, names: string[], packId = 'warmup-en') {
    const host = await server.client();
    const created = expectOk(await host.call('room:create', { packId, options }));
    const seats: Seat[] = [];
    for (const name of names) seats.push(await join(created.roomCode, name));
    return {
      host,
      code: created.roomCode as string,
      seats,
      view: created.view as GameView,
      hostToken: created.hostToken as string,
    };
  }
  async function join(roomCode: string, name: string): Promise<Seat> {
    const client = await server.client();
    const joined = expectOk(await client.call('player:join', { roomCode, name }));
    return { client, playerId: joined.playerId as string };
  }
  const control = async (host: TestClient, command: object) =>
    expectOk(await host.call('host:control', command)).version as number;
  const openQuestion = (host: TestClient, version: number) =>
    host.waitFor('host:view', (v) => v.version >= version && v.phase === 'question' && !v.question?.closed);
  const closedQuestion = (host: TestClient, version = 0) =>
    host.waitFor('host:view', (v) => v.version >= version && v.phase === 'reveal' && v.question?.closed === true);
  async function start(host: TestClient): Promise<GameView> {
    return openQuestion(host, await control(host, { command: 'start' }));
  }
  /** The seat's record of the current (closed) question. */
  async function record(seat: Seat): Promise<AnswerRecord> {
    const sync = expectOk(await seat.client.call('game:sync', {}));
    return (sync.you as YouMessage).answer!;
  }
  /** Answers the open question (right or not) `afterMs` after it opened. */
  async function answer(seat: Seat, view: GameView, right: boolean, afterMs: number, packId = 'warmup-en') {
    now = Math.max(now, view.question!.openedAt + afterMs);
    const q = view.question!.question;
    return seat.client.call('player:answer', { questionId: q.id, answer: answerFor(packId, q, right) });
  }
  /** The room's config as the server holds it. */
  const configOf = (code: string) => server.app.manager().get(code)!.state.config;

  it('accuracy mode gives a fast and a slow correct answer the same points; speed points do not', async () => {
    for (const speedPoints of [false, true]) {
      const { host, seats } = await room({ questionTimeS: 20, scoring: { speedPoints } }, ['Fast', 'Slow']);
      const view = await start(host);
      expectOk(await answer(seats[0]!, view, true, 1000));
      expectOk(await answer(seats[1]!, view, true, 18_000));
      await closedQuestion(host);
      const [fast, slow] = [await record(seats[0]!), await record(seats[1]!)];
      if (speedPoints) expect(fast.points).toBeGreaterThan(slow.points);
      else expect(fast.points).toBe(slow.points);
    }
  });

  it('points per question: 2x doubles, 0 gives none', async () => {
    const points: number[] = [];
    for (const pointsMultiplier of [1, 2, 0] as const) {
      const { host, seats } = await room({ questionTimeS: 20, scoring: { speedPoints: false, pointsMultiplier } }, [
        'A',
      ]);
      const view = await start(host);
      expectOk(await answer(seats[0]!, view, true, 3000));
      await closedQuestion(host);
      points.push((await record(seats[0]!)).points);
    }
    expect(points[0]).toBeGreaterThan(0);
    expect(points[1]).toBe(2 * points[0]!);
    expect(points[2]).toBe(0);
  });

  it('partial credit off gives 0 for a partly right multi; on gives some', async () => {
    const got: number[] = [];
    for (const partialCredit of [true, false]) {
      // (Not the daily pool: only the operator hosts it, docs/SECURITY.md "The answer key".)
      const { host, seats } = await room({ questionTimeS: 20, scoring: { partialCredit } }, ['A'], 'course-en');
      await start(host);
      // The course's third question is a multi with three correct options.
      await openQuestion(host, await control(host, { command: 'skip' }));
      const view = await openQuestion(host, await control(host, { command: 'skip' }));
      expect(view.question!.question.type).toBe('multi');
      expect(view.question!.question.selectCount).toBeGreaterThanOrEqual(2);
      const full = answerFor('course-en', view.question!.question, true);
      if (full.type !== 'multi') throw new Error('multi expected');
      now = view.question!.openedAt + 2000;
      expectOk(
        await seats[0]!.client.call('player:answer', {
          questionId: view.question!.question.id,
          answer: { type: 'multi', choices: full.choices.slice(0, 1) },
        }),
      );
      await closedQuestion(host, view.version);
      const rec = await record(seats[0]!);
      got.push(rec.points);
      if (!partialCredit) expect(rec.correctness).toBe(0);
    }
    expect(got[0]).toBeGreaterThan(0);
    expect(got[1]).toBe(0);
  });

  it('streak bonus on adds to a second right answer in a row; off does not', async () => {
    for (const streakBonus of [true, false]) {
      const { host, seats } = await room({ questionTimeS: 20, scoring: { streakBonus } }, ['A']);
      let view = await start(host);
      expectOk(await answer(seats[0]!, view, true, 1000));
      await closedQuestion(host);
      view = await openQuestion(host, await control(host, { command: 'next' }));
      expectOk(await answer(seats[0]!, view, true, 1000));
      await closedQuestion(host, view.version);
      expect((await record(seats[0]!)).streakBonus > 0).toBe(streakBonus);
    }
  });

  it('question time, team count and races reach the game', async () => {
    const timed = await room({ questionTimeS: 7 }, ['A']);
    expect((await start(timed.host)).question!.limitMs).toBe(7000);

    const teams = await room({ mode: 'team', teamCount: 3 }, [], 'team-en');
    expect(teams.view.teams).toHaveLength(3);

    const withRaces = await room({}, []);
    const quizOnly = await room({ races: false }, []);
    expect(configOf(quizOnly.code).rounds.some((r) => r.kind === 'race')).toBe(false);
    expect(quizOnly.view.stepCount).toBe(withRaces.view.stepCount - 1);
  });

  it('late join: on, a late player starts at the next question with the lowest score; off, it is refused', async () => {
    const { host, code, seats } = await room({ questionTimeS: 20, lateJoin: true, lateJoinScore: 'lowest' }, [
      'A',
      'B',
    ]);
    let view = await start(host);
    expectOk(await answer(seats[0]!, view, true, 1000));
    expectOk(await answer(seats[1]!, view, true, 15_000));
    await closedQuestion(host);
    view = await openQuestion(host, await control(host, { command: 'next' }));
    const late = await join(code, 'Late');
    const scores = await Promise.all(
      seats.map(async (s) => (expectOk(await s.client.call('game:sync', {})).you as YouMessage).score),
    );
    const you = expectOk(await late.client.call('game:sync', {})).you as YouMessage;
    expect(Math.min(...scores)).toBeGreaterThan(0);
    expect(you.score).toBe(Math.min(...scores));
    expect(you.startsAtStep).toBe(view.step + 1);
    // It joined during this question: it answers from the next one.
    expect(await answer(late, view, true, 2000)).toMatchObject({ ok: false, error: { code: 'action/wrong-phase' } });
    expectOk(await answer(seats[0]!, view, true, 2000));
    expectOk(await answer(seats[1]!, view, true, 2000));
    await closedQuestion(host, view.version);
    view = await openQuestion(host, await control(host, { command: 'next' }));
    expectOk(await answer(late, view, true, 1000));

    const closed = await room({ lateJoin: false }, ['A']);
    await start(closed.host);
    const refused = await (await server.client()).call('player:join', { roomCode: closed.code, name: 'Too late' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'room/started' } });
    // Zero is the default catch-up score.
    const zero = await room({ questionTimeS: 20 }, ['A']);
    view = await start(zero.host);
    expectOk(await answer(zero.seats[0]!, view, true, 1000));
    await closedQuestion(zero.host);
    const lateZero = await join(zero.code, 'Late');
    expect((expectOk(await lateZero.client.call('game:sync', {})).you as YouMessage).score).toBe(0);
  });

  it('extended time (host only, private): a x2 player answers after the others’ deadline', async () => {
    const { host, seats } = await room({ questionTimeS: 10 }, ['Extra', 'Other', 'Third']);
    const [extra, other, third] = seats as [Seat, Seat, Seat];
    expect(
      await other.client.call('host:control', { command: 'time-factor', playerId: extra.playerId, factor: 2 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'auth/not-host' },
    });
    await control(host, { command: 'time-factor', playerId: extra.playerId, factor: 2 });
    const mine = await extra.client.waitForYou((y) => y.timeFactor === 2);
    expect(mine.playerId).toBe(extra.playerId);
    // Nobody else learns it: no shared view or other player's message carries a time factor other than its own.
    for (const seat of [other, third]) {
      const sync = expectOk(await seat.client.call('game:sync', {}));
      expect((sync.you as YouMessage).timeFactor).toBe(1);
      expect(JSON.stringify(sync.view)).not.toMatch(/timeFactor/);
      expect(JSON.stringify(seat.client.view() ?? {})).not.toMatch(/timeFactor/);
    }
    const view = await start(host);
    expectOk(await answer(third, view, true, 3000));
    expect(await answer(other, view, true, 15_000)).toMatchObject({ ok: false, error: { code: 'answer/late' } });
    expectOk(await answer(extra, view, true, 15_500));
  });

  it('host controls during a question: add 10 s, pause and resume, end now', async () => {
    const { host, seats } = await room({ questionTimeS: 10 }, ['A', 'B']);
    await start(host);
    await control(host, { command: 'add-time', seconds: 10 });
    let view = await host.waitFor('host:view', (v) => v.question?.limitMs === 20_000);
    expectOk(await answer(seats[0]!, view, true, 15_000));

    await control(host, { command: 'pause' });
    expect(await answer(seats[1]!, view, true, 16_000)).toMatchObject({ ok: false, error: { code: 'action/paused' } });
    now += 60_000; // a long pause does not count against anyone
    const resumed = await control(host, { command: 'resume' });
    await host.waitFor('host:view', (v) => v.version >= resumed && !v.paused);
    // "End now": next during a question closes it.
    const ended = await control(host, { command: 'next' });
    view = await closedQuestion(host, ended);
    expect(view.question!.closed).toBe(true);
    expect((await record(seats[0]!)).points).toBeGreaterThan(0);
  });

  it('the host can play from a second device, as a normal player seat', async () => {
    const { host, code, seats } = await room({ questionTimeS: 20 }, ['Student']);
    const teacher = await join(code, 'Teacher');
    // The player seat is not the host: host commands from it are refused, the host's own device still leads.
    expect(await teacher.client.call('host:control', { command: 'start' })).toMatchObject({
      ok: false,
      error: { code: 'auth/not-host' },
    });
    const view = await start(host);
    expectOk(await answer(teacher, view, true, 1000));
    expectOk(await answer(seats[0]!, view, false, 2000));
    await closedQuestion(host);
    expect((await record(teacher)).points).toBeGreaterThan(0);
    const board = await host.waitFor('host:view', (v) => v.players.some((p) => p.name === 'Teacher' && p.score > 0));
    expect(board.players).toHaveLength(2);
  });

  it('leaderboard "never": players see only their own row (and rank privately); top 3 shows three', async () => {
    const names = ['P1', 'P2', 'P3', 'P4', 'P5'];
    const never = await room({ questionTimeS: 20, leaderboard: 'never' }, names);
    expect(configOf(never.code).leaderboard !== 'never').toBe(false);
    let view = await start(never.host);
    for (const [i, seat] of never.seats.entries()) expectOk(await answer(seat, view, true, 1000 + i * 1000));
    await closedQuestion(never.host);
    for (const seat of never.seats) {
      const sync = expectOk(await seat.client.call('game:sync', {}));
      const players = (sync.view as GameView).players;
      expect(players.map((p) => p.id)).toEqual([seat.playerId]);
      expect((sync.you as YouMessage).rank).toBeGreaterThan(0);
      expect((seat.client.view()?.players ?? []).length).toBe(0);
    }

    const top3 = await room({ questionTimeS: 20, leaderboard: 'top3' }, names);
    view = await start(top3.host);
    for (const [i, seat] of top3.seats.entries()) expectOk(await answer(seat, view, true, 1000 + i * 1000));
    const closed = await closedQuestion(top3.host);
    const shared = await top3.seats[0]!.client.waitFor('room:view', (v) => v.version >= closed.version);
    expect(shared.players).toHaveLength(3);
  });

  it('show question on devices off: players get the answer shapes, not the text; the host gets the text', async () => {
    const { host, code, seats } = await room({ questionTimeS: 20, showQuestionOnDevices: false }, ['A']);
    expect(configOf(code).showQuestionOnDevices !== false).toBe(false);
    const view = await start(host);
    expect(view.question!.question.prompt).not.toBe('');
    const shared = await seats[0]!.client.waitFor('room:view', (v) => v.phase === 'question');
    expect(shared.question!.question.prompt).toBe('');
  });

  it('team roles: a member takes a layer; a second taker is refused; without roles the event is refused', async () => {
    const plain = await room({ mode: 'team', teamCount: 2 }, ['A'], 'team-en');
    expect(await plain.seats[0]!.client.call('player:take-layer', { layer: 'application' })).toMatchObject({
      ok: false,
      error: { code: 'action/wrong-phase' },
    });
    expect(await plain.seats[0]!.client.call('player:take-layer', { layer: 'kernel' })).toMatchObject({
      ok: false,
      error: { code: 'input/invalid' },
    });

    const { host, code, seats } = await room(
      { mode: 'team', teamCount: 2, teamRoles: true },
      ['A', 'B', 'C', 'D'],
      'team-en',
    );
    expect(!configOf(code).teamRoles).toBe(false);
    const lobby = await host.waitFor('host:view', (v) => v.players.length === 4);
    const teamOf = (id: string) => lobby.players.find((p) => p.id === id)!.teamId;
    const [a, ...rest] = seats as [Seat, ...Seat[]];
    const mate = rest.find((s) => teamOf(s.playerId) === teamOf(a.playerId))!;
    expectOk(await a.client.call('player:take-layer', { layer: 'infrastructure' }));
    expect((await a.client.waitForYou((y) => y.layer === 'infrastructure')).layer).toBe('infrastructure');
    expect(await mate.client.call('player:take-layer', { layer: 'infrastructure' })).toMatchObject({
      ok: false,
      error: { code: 'team/layer-taken' },
    });
    expectOk(await mate.client.call('player:take-layer', { layer: 'application' }));
    expectOk(await mate.client.call('player:take-layer', { layer: 'none' }));
  });

  it(
    'after a race each player gets its cloud bill with the best plan’s ' + 'beside it; the stored game keeps them',
    async () => {
      const { host, seats, hostToken } = await room({ questionTimeS: 20 }, ['A', 'B']);
      let view = await start(host);
      // The warm-up pack: ten questions, then a race.
      while (view.phase === 'question') {
        const version = await control(host, { command: 'skip' });
        view = await host.waitFor('host:view', (v) => v.version >= version);
      }
      expect(view.phase).toBe('race');
      const ended = await control(host, { command: 'next' });
      const hostBills: HostBills = await host.waitFor('host:bills');
      expect(hostBills.scenarioId).toBe(view.race!.scenario.id);
      for (const seat of seats) {
        const bill: RaceBill = await seat.client.waitFor('player:bill');
        expect(bill.owner).toMatchObject({ kind: 'player', id: seat.playerId });
        expect(bill.best?.score).toBeGreaterThan(0);
        expect(bill.best?.deployments).toBeGreaterThan(0);
        expect(bill.bill.deployments).toBe(0);
        // Only its own: no other player's bill reaches it.
        expect(seat.client.received.get('player:bill')).toBe(1);
        const sync = expectOk(await seat.client.call('game:sync', {}));
        expect(sync.bills).toEqual([bill]);
      }
      expect(hostBills.bills.map((b) => b.owner.kind).sort()).toEqual(['class', 'player', 'player']);
      await host.waitFor('host:view', (v) => v.version >= ended);
      await control(host, { command: 'end' });
      const podium = await host.waitFor('game:podium');
      const stored = await server.storage.getGame(podium.gameId);
      expect(billsOf(stored!)).toEqual(hostBills.bills);
      // The report shows them and the CSV download has a bill section with the best plan's row.
      const headers = { 'x-host-key': hostToken };
      const report = await (await fetch(`${server.url}/api/games/${podium.gameId}/report`, { headers })).json();
      expect(report.report.bills).toEqual(hostBills.bills);
      expect(report.report.decisions.byLayer.map((l: { layer: string }) => l.layer)).toEqual([
        'application',
        'os-runtime',
        'infrastructure',
      ]);
      const csv = await (await fetch(`${server.url}/api/games/${podium.gameId}/report.csv`, { headers })).text();
      expect(csv).toContain('best-known plan');
      expect(csv).toContain('off-premise cost/h');
    },
  );
});
