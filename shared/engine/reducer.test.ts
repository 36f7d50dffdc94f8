import { describe, expect, it } from 'vitest';
import {
  answerOf,
  billOf,
  botMoves,
  createGame,
  next,
  replay,
  viewFor,
  nextWakeAt,
  leaderboard,
  teamLeaderboard,
  readingFloorMs,
  REACTION_BAND_MS,
} from './index.js';
import type { Action, Actor, Answer, GameEvent, GameState } from './index.js';
import { config } from './testing/fixtures.js';
import { playerOf } from './players.js';

const host: Actor = { role: 'host' };
const system: Actor = { role: 'system' };
const as = (playerId: string): Actor => ({ role: 'player', playerId });

/** Applies actions, failing the test on any rejection; returns the final state and the log. */
function play(state: GameState, actions: Action[]) {
  const log: Action[] = [];
  const events: GameEvent[] = [];
  for (const a of actions) {
    const r = next(state, a);
    const err = r.events.find((e) => e.type === 'error');
    if (err) throw new Error(`${a.type} rejected: ${JSON.stringify(err)}`);
    state = r.state;
    log.push(a);
    events.push(...r.events);
  }
  return { state, log, events };
}

/** The presented-index answer that is fully correct for the open question. */
function rightAnswer(state: GameState): Answer {
  const qs = state.question!;
  const q = state.config.content.questions.find((x) => x.id === qs.questionId)!;
  const inv = (k: number) => qs.perm.indexOf(k);
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.correct };
    case 'multi':
      return { type: 'multi', choices: q.correct };
    case 'truefalse':
      return { type: 'truefalse', value: q.correct };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((_, k) => inv(k)) };
    case 'matching':
      return { type: 'matching', pairs: q.pairs.map((p) => inv(p)) };
    case 'numeric':
      return { type: 'numeric', value: q.correct };
  }
}

describe('a full scripted classroom game', () => {
  it('plays quiz questions of every type, a race with events, and ends on the podium', () => {
    let t = 1000;
    let { state, log } = play(createGame(config(), 'seed-1'), [
      { type: 'join', actor: system, at: t, playerId: 'p1', name: 'Ada' },
      { type: 'join', actor: system, at: t, playerId: 'p2', name: 'Bo' },
      { type: 'start', actor: host, at: (t += 1000) },
    ]);
    expect(state.phase).toBe('question');
    for (let i = 0; i < 6; i++) {
      const qid = state.question!.questionId;
      const r1 = play(state, [
        { type: 'answer', actor: as('p1'), at: (t += 2000), questionId: qid, answer: rightAnswer(state) },
      ]);
      state = r1.state;
      log.push(...r1.log);
      // p2 never answers: the authority's tick closes the question at its deadline.
      const closeAt = nextWakeAt(state)!;
      expect(closeAt).toBeGreaterThan(t);
      const r2 = play(state, [{ type: 'tick', actor: system, at: (t = closeAt) }]);
      state = r2.state;
      log.push(...r2.log);
      expect(state.phase).toBe('reveal');
      const r3 = play(state, [{ type: 'next', actor: host, at: (t += 1000) }]);
      state = r3.state;
      log.push(...r3.log);
    }
    expect(state.phase).toBe('leaderboard');
    expect(playerOf(state, 'p1')!.score).toBeGreaterThan(6 * 500);
    expect(playerOf(state, 'p1')!.streak).toBe(6);
    expect(playerOf(state, 'p2')!.score).toBe(0);

    // The race: deploy every card as it arrives, then let the events fire and the race end.
    ({ state } = { state: play(state, [{ type: 'next', actor: host, at: (t += 1000) }]).state });
    log.push({ type: 'next', actor: host, at: t });
    expect(state.phase).toBe('race');
    const before = { p1: playerOf(state, 'p1')!.score, p2: playerOf(state, 'p2')!.score };
    const deploys: Array<[string, string, Action & { type: 'deploy' }]> = [];
    const choice = {
      web: { kind: 'container', placement: 'on-prem' },
      plugins: { kind: 'microvm', placement: 'on-prem' },
      payroll: { kind: 'vm-full', placement: 'on-prem' },
      legacy: { kind: 'vm-para', placement: 'on-prem' },
      office: { kind: 'container', placement: 'saas' },
      db: { kind: 'container', placement: 'on-prem' },
    } as const;
    for (const slot of state.race!.hosts.room!.cards) {
      const who = deploys.length % 2 === 0 ? 'p1' : 'p2';
      deploys.push([
        who,
        slot.cardId,
        {
          type: 'deploy',
          actor: as(who),
          at: Math.max(t, slot.arrivesAt),
          cardId: slot.cardId,
          choice: choice[slot.cardId as keyof typeof choice],
        },
      ]);
    }
    for (const [, , a] of deploys) {
      const r = play(state, [a]);
      state = r.state;
      log.push(...r.log);
      t = a.at;
    }
    expect(state.race!.hosts.room!.deployments).toHaveLength(6);
    // Tick until the race ends; every scheduled event fires on the way.
    const raceEvents: GameEvent[] = [];
    while (state.phase === 'race') {
      const wake = nextWakeAt(state)!;
      const r = play(state, [{ type: 'tick', actor: system, at: (t = Math.max(t, wake)) }]);
      state = r.state;
      log.push(...r.log);
      raceEvents.push(...r.events);
    }
    expect(state.phase).toBe('race-result');
    // The race that ran out of time says so: the room broadcasts on this event.
    expect(raceEvents).toContainEqual({ type: 'phase', phase: 'race-result', step: state.step });
    const fired = raceEvents.filter((e) => e.type === 'race-event').map((e) => (e as { kind: string }).kind);
    for (const k of ['kernel-cve', 'traffic-spike', 'noisy-neighbour', 'patch-day', 'hardware-failure'])
      expect(fired).toContain(k);
    // The CVE hit the two plain containers (web, db) and nothing else.
    const cve = raceEvents.find((e) => e.type === 'race-event' && e.kind === 'kernel-cve') as Extract<
      GameEvent,
      { type: 'race-event' }
    >;
    const deployed = state.race!.hosts.room!.deployments;
    expect(cve.affected.map((id) => deployed.find((d) => d.id === id)!.cardId).sort()).toEqual(['db', 'web']);
    // Each player's bill adds up (deployed + events + final audit) to exactly what the race added to its score.
    for (const id of ['p1', 'p2'] as const) {
      const bill = billOf(state, 'room', id);
      expect(bill.deployPoints + bill.eventPoints + bill.auditPoints).toBe(bill.points);
      expect(bill.points).toBe(playerOf(state, id)!.score - before[id]);
    }
    expect(billOf(state, 'room', 'p1').eventPoints).not.toBe(0);
    // Every score change says why, in both languages, with a topic.
    for (const e of raceEvents)
      if (e.type === 'score') for (const w of e.change.why) expect(w.ko && w.en && w.topic).toBeTruthy();

    const end = play(state, [
      { type: 'next', actor: host, at: (t += 1000) },
      { type: 'next', actor: host, at: t + 1000 },
    ]);
    state = end.state;
    log.push(...end.log);
    expect(state.phase).toBe('podium');
    expect(state.finished).toBe(true);
    expect(leaderboard(state)[0]!.playerId).toBe('p1');

    // Replaying the log reproduces the game bit for bit.
    const again = replay(config(), 'seed-1', log);
    expect(again.rejected).toBe(0);
    expect(again.state).toEqual(state);
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(state));
  });
});

describe('guards: invalid actions change nothing and say why', () => {
  const base = () => {
    let s = createGame(config(), 'g');
    s = next(s, { type: 'join', actor: system, at: 1, playerId: 'p1', name: 'Ada' }).state;
    s = next(s, { type: 'join', actor: system, at: 1, playerId: 'p2', name: 'Bo' }).state;
    return s;
  };
  const started = () => next(base(), { type: 'start', actor: host, at: 10 }).state;
  const cases: Array<[string, () => GameState, Action, string]> = [
    ['a player starting the game', base, { type: 'start', actor: as('p1'), at: 5 }, 'action/forbidden'],
    [
      'answering in the lobby',
      base,
      { type: 'answer', actor: as('p1'), at: 5, questionId: 'q1', answer: { type: 'single', choice: 0 } },
      'action/wrong-phase',
    ],
    ['a duplicate name', base, { type: 'join', actor: system, at: 5, playerId: 'p3', name: ' ada ' }, 'name/taken'],
    [
      'a duplicate player id',
      base,
      { type: 'join', actor: system, at: 5, playerId: 'p2', name: 'Cy' },
      'player/duplicate',
    ],
    [
      'a name with nothing visible',
      base,
      { type: 'join', actor: system, at: 5, playerId: 'p3', name: ' \u3164 ' },
      'name/invalid',
    ],
    [
      'the host answering',
      started,
      { type: 'answer', actor: host, at: 11, questionId: 'q1', answer: { type: 'single', choice: 0 } },
      'action/forbidden',
    ],
    [
      'an unknown player',
      started,
      { type: 'answer', actor: as('ghost'), at: 11, questionId: 'q1', answer: { type: 'single', choice: 0 } },
      'player/unknown',
    ],
    [
      'the wrong question',
      started,
      { type: 'answer', actor: as('p1'), at: 11, questionId: 'q2', answer: { type: 'single', choice: 0 } },
      'question/closed',
    ],
    [
      'an out-of-range option',
      started,
      { type: 'answer', actor: as('p1'), at: 11, questionId: 'q1', answer: { type: 'single', choice: 9 } },
      'answer/malformed',
    ],
    [
      'a wrong answer type',
      started,
      { type: 'answer', actor: as('p1'), at: 11, questionId: 'q1', answer: { type: 'numeric', value: 1 } },
      'answer/malformed',
    ],
    [
      'a late answer',
      started,
      { type: 'answer', actor: as('p1'), at: 10 + 20_001, questionId: 'q1', answer: { type: 'single', choice: 0 } },
      'answer/late',
    ],
    ['time running backwards', started, { type: 'next', actor: host, at: 5 }, 'action/time-backwards'],
    ['a tick from a player', started, { type: 'tick', actor: as('p1'), at: 11 }, 'action/forbidden'],
    [
      'a deploy outside a race',
      started,
      { type: 'deploy', actor: as('p1'), at: 11, cardId: 'web', choice: { kind: 'container', placement: 'on-prem' } },
      'action/wrong-phase',
    ],
    ['an unknown action', started, { type: 'explode', actor: host, at: 11 } as unknown as Action, 'action/unknown'],
    ['no time stamp', started, { type: 'next', actor: host } as unknown as Action, 'action/malformed'],
  ];
  it.each(cases)('%s', (_name, make, action, code) => {
    const state = make();
    const snapshot = JSON.stringify(state);
    const r = next(state, action);
    expect(r.state).toBe(state);
    expect(JSON.stringify(state)).toBe(snapshot);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ type: 'error', code });
    expect((r.events[0] as { message: string }).message.length).toBeGreaterThan(5);
  });

  it('refuses a second answer to the same question', () => {
    const s = started();
    const a: Action = {
      type: 'answer',
      actor: as('p1'),
      at: 11,
      questionId: 'q1',
      answer: { type: 'single', choice: 1 },
    };
    const once = next(s, a).state;
    expect(next(once, { ...a, at: 12 }).events[0]).toMatchObject({ code: 'answer/duplicate' });
  });

  it('a removed player can no longer act', () => {
    let s = started();
    s = next(s, { type: 'remove-player', actor: host, at: 11, playerId: 'p2' }).state;
    expect(
      next(s, { type: 'answer', actor: as('p2'), at: 12, questionId: 'q1', answer: { type: 'single', choice: 0 } })
        .events[0],
    ).toMatchObject({ code: 'player/removed' });
  });
});

describe('scoring, views and modes', () => {
  it('hides the correct answer and the seed from players until the question closes', () => {
    let s = createGame(config(), 'v');
    s = next(s, { type: 'join', actor: system, at: 1, playerId: 'p1', name: 'Ada' }).state;
    s = next(s, { type: 'start', actor: host, at: 2 }).state;
    const view = viewFor(s, as('p1'));
    expect(JSON.stringify(view)).not.toContain('"correct"');
    expect(JSON.stringify(view)).not.toContain('seed');
    expect(view.question!.solution).toBeNull();
    s = next(s, { type: 'next', actor: host, at: 3 }).state;
    expect(viewFor(s, as('p1')).question!.solution).not.toBeNull();
    expect(viewFor(s, as('p1')).question!.distribution).toEqual([0, 0, 0, 0]);
  });

  it('pays faster answers more with speed points, the same in accuracy mode', () => {
    const run = (speedPoints: boolean, at: number) => {
      let s = createGame(
        config('classroom', { scoring: { speedPoints, streakBonus: true, pointsMultiplier: 1, partialCredit: true } }),
        'x',
      );
      s = next(s, { type: 'join', actor: system, at: 0, playerId: 'p1', name: 'A' }).state;
      s = next(s, { type: 'start', actor: host, at: 0 }).state;
      s = next(s, {
        type: 'answer',
        actor: as('p1'),
        at,
        questionId: 'q1',
        answer: { type: 'single', choice: 0 },
      }).state;
      return playerOf(s, 'p1')!.score;
    };
    expect(run(true, 1000)).toBeGreaterThan(run(true, 15000));
    // An answer before the question could be read scores as at its reading floor (quiz/reading.ts), for everyone.
    const q1 = config('classroom').content.questions.find((q) => q.id === 'q1')!;
    const floor = readingFloorMs(q1, 20000);
    expect(floor).toBeGreaterThan(1000);
    expect(run(true, 0)).toBe(Math.round(1000 * (1 - (0.5 * floor) / 20000)));
    expect(run(true, floor + REACTION_BAND_MS)).toBe(run(true, 0));
    expect(run(true, floor + REACTION_BAND_MS + 1000)).toBeLessThan(run(true, 0));
    expect(run(true, 20000)).toBe(500);
    expect(run(false, 1000)).toBe(run(false, 15000));
  });

  it('gives late joiners the lowest score when the host chose so, from the next question', () => {
    let s = createGame(config('classroom', { lateJoinScore: 'lowest' }), 'late');
    s = next(s, { type: 'join', actor: system, at: 0, playerId: 'p1', name: 'A' }).state;
    s = next(s, { type: 'join', actor: system, at: 0, playerId: 'p2', name: 'B' }).state;
    s = next(s, { type: 'start', actor: host, at: 0 }).state;
    s = next(s, {
      type: 'answer',
      actor: as('p1'),
      at: 100,
      questionId: 'q1',
      answer: { type: 'single', choice: 0 },
    }).state;
    s = next(s, {
      type: 'answer',
      actor: as('p2'),
      at: 100,
      questionId: 'q1',
      answer: { type: 'single', choice: 1 },
    }).state;
    s = next(s, { type: 'join', actor: system, at: 200, playerId: 'p3', name: 'C' }).state;
    expect(playerOf(s, 'p3')).toMatchObject({ score: 0, joinedAtStep: 1 });
    expect(
      next(s, { type: 'answer', actor: as('p3'), at: 201, questionId: 'q1', answer: { type: 'single', choice: 0 } })
        .events[0],
    ).toMatchObject({ type: 'error' });
  });

  it('balances teams and gives each team its own host', () => {
    let s = createGame(config('team'), 'team');
    for (const [i, n] of ['A', 'B', 'C', 'D'].entries())
      s = next(s, { type: 'join', actor: system, at: 0, playerId: `p${i}`, name: n }).state;
    expect(s.playerOrder.map((id) => playerOf(s, id)!.teamId)).toEqual(['t1', 't2', 't1', 't2']);
    s = { ...s, config: { ...s.config, rounds: [{ kind: 'race', scenarioId: 's1' }] } };
    s = next(s, { type: 'start', actor: host, at: 0 }).state;
    expect(Object.keys(s.race!.hosts).sort()).toEqual(['team:t1', 'team:t2']);
    expect(viewFor(s, as('p0')).race!.hosts.map((h) => h.id)).toEqual(['team:t1']);
    expect(teamLeaderboard(s)).toHaveLength(2);
  });

  it('pauses without counting the paused time against anyone', () => {
    let s = createGame(config(), 'pause');
    s = next(s, { type: 'join', actor: system, at: 0, playerId: 'p1', name: 'A' }).state;
    s = next(s, { type: 'start', actor: host, at: 0 }).state;
    s = next(s, { type: 'pause', actor: host, at: 5000 }).state;
    expect(nextWakeAt(s)).toBeNull();
    s = next(s, { type: 'resume', actor: host, at: 65000 }).state;
    s = next(s, {
      type: 'answer',
      actor: as('p1'),
      at: 70000,
      questionId: 'q1',
      answer: { type: 'single', choice: 0 },
    }).state;
    expect(answerOf(s.question!, 'p1')!.elapsedMs).toBe(10000);
  });
});

describe('bots', () => {
  it('play a whole solo game through the same reducer, deterministically', () => {
    const run = () => {
      let s = createGame(config('solo'), 'bots');
      s = next(s, { type: 'join', actor: system, at: 0, playerId: 'me', name: 'Me' }).state;
      for (const b of ['easy', 'medium', 'hard'] as const)
        s = next(s, { type: 'join', actor: system, at: 0, playerId: b, name: b, bot: b }).state;
      s = next(s, { type: 'start', actor: as('me'), at: 0 }).state;
      let guard = 0;
      while (!s.finished && guard++ < 500) {
        const moves = ['easy', 'medium', 'hard'].flatMap((b) => botMoves(s, b).slice(0, 1));
        const wake = nextWakeAt(s);
        const candidates: Action[] = [...moves];
        if (wake !== null) candidates.push({ type: 'tick', actor: system, at: wake });
        if (candidates.length === 0) candidates.push({ type: 'next', actor: as('me'), at: s.now + 1000 });
        const first = candidates.sort((a, b) => a.at - b.at)[0]!;
        s = next(s, first).state;
      }
      return s;
    };
    const a = run();
    expect(a.finished).toBe(true);
    expect(playerOf(a, 'hard')!.score).toBeGreaterThan(playerOf(a, 'easy')!.score);
    expect(['easy', 'medium', 'hard'].every((b) => a.race!.hosts[`player:${b}`]!.deployments.length > 0)).toBe(true);
    expect(JSON.stringify(run())).toBe(JSON.stringify(a));
  });

  it('solo: once the person has answered, the bots still due answer at once, scored at the times they drew', () => {
    let s = createGame(config('solo'), 'bots-early');
    s = next(s, { type: 'join', actor: system, at: 0, playerId: 'me', name: 'Me' }).state;
    for (const b of ['easy', 'medium', 'hard'] as const)
      s = next(s, { type: 'join', actor: system, at: 0, playerId: b, name: b, bot: b }).state;
    s = next(s, { type: 'start', actor: as('me'), at: 0 }).state;
    expect(s.phase).toBe('question');
    const opened = s.question!.openedAt;
    // What each bot would do if nobody answered: answer at its drawn time.
    const drawn = Object.fromEntries(['easy', 'medium', 'hard'].map((b) => [b, botMoves(s, b)[0]!]));
    for (const move of Object.values(drawn)) expect(move.at).toBeGreaterThan(opened + 1000);
    // Without the person's answer the bots wait for their times, and the question waits for them.
    const waited = play(
      s,
      Object.values(drawn).sort((a, b) => a.at - b.at),
    ).state;

    const answered = play(s, [
      {
        type: 'answer',
        actor: as('me'),
        at: opened + 1000,
        questionId: s.question!.questionId,
        answer: rightAnswer(s),
      },
    ]).state;
    expect(answered.phase).toBe('question');
    const now = ['easy', 'medium', 'hard'].map((b) => botMoves(answered, b)[0]!);
    for (const move of now) expect(move).toMatchObject({ type: 'answer', at: opened + 1000 });
    const closed = play(answered, now).state;
    expect(closed.phase).toBe('reveal');
    for (const b of ['easy', 'medium', 'hard']) {
      const early = answerOf(closed.question!, b)!;
      const late = answerOf(waited.question!, b)!;
      expect(early.elapsedMs).toBe(drawn[b]!.at - opened);
      expect({ points: early.points, correctness: early.correctness }).toEqual({
        points: late.points,
        correctness: late.correctness,
      });
    }
    // A classroom keeps waiting for its bots' own times.
    let c = createGame(config('classroom'), 'bots-early');
    c = next(c, { type: 'join', actor: system, at: 0, playerId: 'me', name: 'Me' }).state;
    c = next(c, { type: 'join', actor: system, at: 0, playerId: 'hard', name: 'hard', bot: 'hard' }).state;
    c = next(c, { type: 'start', actor: host, at: 0 }).state;
    c = play(c, [
      {
        type: 'answer',
        actor: as('me'),
        at: c.question!.openedAt + 1000,
        questionId: c.question!.questionId,
        answer: rightAnswer(c),
      },
    ]).state;
    expect(botMoves(c, 'hard')[0]!.at).toBeGreaterThan(c.now);
  });
});
