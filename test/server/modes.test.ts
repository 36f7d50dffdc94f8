import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, GameView } from '../../shared/engine/index.js';
import type { Podium } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestServer } from './harness.js';
import { hostView, playToEnd, type Seat } from './play.js';

let now = Date.now();

describe('team and solo games', () => {
  let server: TestServer;
  beforeAll(async () => {
    // A test drives a self-paced solo game far faster than a person: a larger event budget.
    // The authority's clock is the test's: it moves forward when a player "thinks", so bots (who act at their
    // chosen times) and the plausibility checks of solo verification see human-like timings without sleeping.
    server = await startServer({ socketRate: { ratePerS: 1000, burst: 1000 }, clock: () => now });
  });
  afterAll(() => server.close());

  it('plays a team game: players balanced into teams, one picks its own, team standings at the podium', async () => {
    const host = await server.client();
    const created = expectOk(
      await host.call('room:create', { packId: 'team-en', options: { mode: 'team', teamCount: 2, questionTimeS: 30 } }),
    );
    const view = created.view;
    expect(view.teams).toHaveLength(2);
    const seats: Seat[] = [];
    for (const [i, name] of ['Ann', 'Bo', 'Cy', 'Di'].entries()) {
      const client = await server.client();
      const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
      seats.push({ client, playerId: joined.playerId, right: i % 2 === 0 });
    }
    const lobby = await host.waitFor('host:view', (v) => v.players.length === 4);
    const perTeam = view.teams.map((t: { id: string }) => lobby.players.filter((p) => p.teamId === t.id).length);
    expect(perTeam).toEqual([2, 2]);
    // The host moves one player; players cannot move someone else.
    const moved = expectOk(
      await host.call('host:control', { command: 'move', playerId: seats[0]!.playerId, teamId: view.teams[1]!.id }),
    );
    await hostView(host, moved.version);
    expectOk(await host.call('host:control', { command: 'start' }));
    await playToEnd(host, seats, 'team-en');
    const podium: Podium = await host.waitFor('game:podium');
    expect(podium.teams).toHaveLength(2);
    expect(podium.teams.flatMap((t) => t.members)).toHaveLength(4);
    const stored = await server.storage.getGame(podium.gameId);
    expect(stored?.mode).toBe('team');
  });

  it('verifies a solo run with bots at the end, and enters the daily leaderboard', async () => {
    const player = await server.client();
    const started = expectOk(
      await player.call('solo:start', {
        name: 'Solo',
        packId: 'daily',
        lang: 'en',
        bots: ['easy', 'hard'],
        questionTimeS: 30,
      }),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(started.seed).toBe(`daily-${today}`);
    expect(started.board).toBe(`daily-${today}`);
    expect(started.view.players.length).toBe(3);
    // A solo room has no host: its player drives it; host events are refused.
    expect(await player.call('host:control', { command: 'start' })).toMatchObject({
      ok: false,
      error: { code: 'auth/not-host' },
    });
    let version = expectOk(await player.call('solo:control', { command: 'start' })).version as number;
    for (let guard = 0; guard < 400; guard++) {
      const view = await player.waitFor('room:view', (v) => v.version >= version);
      if (process.env.DEBUG_PLAY) console.log(view.phase, view.step, view.version, view.question?.mine);
      if (view.finished) break;
      if (view.phase === 'question' && view.question && !view.question.closed && !view.question.mine) {
        const q = view.question.question;
        // Late enough in the question that every bot's answer is due (they answer within 90% of the time).
        now += 28_000;
        const reply = await player.call('player:answer', { questionId: q.id, answer: answerFor('daily-en', q, true) });
        if (reply.ok) version = reply.version as number;
        else if (process.env.DEBUG_PLAY) console.log('answer', reply.error);
        // Let the bots answer (their timer fires at once now): the question closes when all have answered.
        const closed = await player.waitFor('room:view', (v) => v.phase !== 'question' || v.question?.closed === true);
        version = Math.max(version, closed.version);
      }
      const next = await player.call('solo:control', { command: 'next' });
      if (next.ok) version = next.version as number;
      else if (process.env.DEBUG_PLAY) console.log('next', next.error);
    }
    const podium: Podium = await player.waitFor('game:podium');
    expect(podium.solo).toMatchObject({ verified: true, board: `daily-${today}` });
    const you = player.you()!;
    expect(podium.solo?.score).toBe(you.score);
    // The run's race points over the best-known plan's score for its race.
    expect(podium.solo?.bestPlanRatio).toBeTypeOf('number');
    expect(podium.solo!.bestPlanRatio!).toBeGreaterThanOrEqual(0);
    const board = await (await fetch(`${server.url}/api/solo/leaderboard?board=daily-${today}`)).json();
    expect(board.entries).toEqual([expect.objectContaining({ rank: 1, playerName: 'Solo', score: you.score })]);

    // The same log verifies over HTTP; forged versions are refused with a reason.
    const stored = await server.storage.getGame(podium.gameId);
    const actions = stored!.actions;
    const verify = (body: object) =>
      fetch(`${server.url}/api/solo/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const honest = { packId: 'daily-en', seed: started.seed, actions, questionTimeS: 30, gameId: podium.gameId };
    const ok = await verify(honest);
    expect(await ok.json()).toMatchObject({ ok: true, verified: true, score: you.score });

    const forged = async (body: object, reason: RegExp) => {
      const res = await verify(body);
      expect(res.status).toBe(422);
      const json = await res.json();
      expect(json.error.code).toBe('solo/forged');
      expect(json.error.message).toMatch(reason);
    };
    await forged({ ...honest, claimedScore: you.score + 500 }, /replay result differs/);
    await forged({ ...honest, seed: 'daily-2001-01-01' }, /wrong daily seed/);
    const human = started.playerId;
    const botIds = (started.view as GameView).players.filter((p) => p.bot !== null).map((p) => p.id);
    const botId = botIds[0]!;
    const firstHumanIdx = actions.findIndex((a) => a.actor.role === 'player' && a.actor.playerId === human);
    const asBot = actions.map((a, i) =>
      i === firstHumanIdx ? { ...a, actor: { role: 'player', playerId: botId } } : a,
    );
    await forged({ ...honest, actions: asBot }, /bot move|refused|not this run/);
    const botIdx = actions.findIndex(
      (a) => a.actor.role === 'player' && botIds.includes(a.actor.playerId) && a.type === 'answer',
    );
    expect(botIdx).toBeGreaterThanOrEqual(0);
    {
      const edited = actions.map((a, i) =>
        i === botIdx && a.type === 'answer' ? { ...a, questionId: a.questionId, elapsedMs: 1 } : a,
      );
      await forged({ ...honest, actions: edited }, /bot move/);
    }
    const backwards = actions.map((a, i) => (i === actions.length - 1 ? { ...a, at: 0 } : a));
    await forged({ ...honest, actions: backwards }, /backwards/);
    const hostAct: Action[] = [...actions.slice(0, 5), { type: 'end', actor: { role: 'host' }, at: actions[4]!.at }];
    await forged({ ...honest, actions: hostAct }, /no host/);
    const stranger = actions.map((a, i) =>
      i === firstHumanIdx ? { ...a, actor: { role: 'player', playerId: 'pSomeoneElse' } } : a,
    );
    await forged({ ...honest, actions: stranger }, /not this run's player/);
  });

  it(
    'solo: a question closes as soon as the player has answered; the bots ' +
      'keep the times they drew and the run verifies',
    async () => {
      const player = await server.client();
      const started = expectOk(
        await player.call('solo:start', {
          name: 'Quick',
          packId: 'warmup-en',
          lang: 'en',
          bots: ['easy', 'medium', 'hard'],
          questionTimeS: 30,
        }),
      );
      let version = expectOk(await player.call('solo:control', { command: 'start' })).version as number;
      let closedEarly = 0;
      for (let guard = 0; guard < 400; guard++) {
        const view = await player.waitFor('room:view', (v) => v.version >= version);
        if (view.finished) break;
        if (view.phase === 'question' && view.question && !view.question.closed && !view.question.mine) {
          const q = view.question.question;
          // Two seconds in: before any bot's drawn time (the quickest draws 15% of 30 s).
          now += 2_000;
          const asked = now;
          const reply = expectOk(
            await player.call('player:answer', { questionId: q.id, answer: answerFor('warmup-en', q, true) }),
          );
          const closed = await player.waitFor(
            'room:view',
            (v) => v.version > reply.version && (v.phase !== 'question' || v.question?.closed === true),
          );
          // Nobody waited: the authority's clock has not moved since the answer.
          expect(now).toBe(asked);
          expect(closed.phase).toBe('reveal');
          closedEarly++;
          version = closed.version;
          continue;
        }
        if (view.phase === 'race') now += 400_000;
        const next = await player.call('solo:control', { command: 'next' });
        if (next.ok) version = next.version as number;
      }
      expect(closedEarly).toBeGreaterThan(3);
      const podium: Podium = await player.waitFor('game:podium');
      expect(podium.solo).toMatchObject({ verified: true });
      // The bots' answers are scored at the times they drew (at least 15% of 30 s), not when the player answered.
      const stored = await server.storage.getGame(podium.gameId);
      const botIds = (started.view as GameView).players.filter((p) => p.bot !== null).map((p) => p.id);
      const botAnswers = stored!.actions.filter(
        (a) => a.type === 'answer' && a.actor.role === 'player' && botIds.includes(a.actor.playerId),
      );
      expect(botAnswers.length).toBe(closedEarly * 3);
      for (const a of botAnswers) expect(a.type === 'answer' && a.elapsedMs).toBeGreaterThanOrEqual(4_500);
    },
  );
});
