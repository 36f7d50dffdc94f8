// Engine figures: actions per second through next, replay of a 200-player game, quote cost, best-plan quality.
import { performance } from 'node:perf_hooks';
import { createGame, next, nextWakeAt, replay, quoteOnHost, legalChoices } from '../shared/engine/index.js';
import type { Action, GameConfig, GameState } from '../shared/engine/index.js';
import { bestPlan, bruteForcePlan } from '../shared/engine/race/best-plan.js';
import { Rng, hashSeed } from '../shared/engine/rng.js';
import { CONTENT, LINUX_SERVER, config } from '../shared/engine/testing/fixtures.js';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal as printed: its target and, where the bench judges it, PASS or MISS. */
  goal?: string;
  /** The goal's target alone, and whether this figure met it (where the bench judges it: bench/load). */
  target?: string;
  met?: boolean;
}

const qids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'];

/** A 200-player classroom game of 20 questions and 3 races, scripted as a log the way the server would record it. */
export function bigGameLog(playerCount = 200): { cfg: GameConfig; log: Action[] } {
  const rounds: GameConfig['rounds'] = [];
  for (let r = 0; r < 4; r++)
    rounds.push({ kind: 'quiz', questionIds: Array.from({ length: 5 }, (_, i) => qids[(r * 5 + i) % 6]!) });
  rounds.splice(1, 0, { kind: 'race', scenarioId: 's1' });
  rounds.splice(3, 0, { kind: 'race', scenarioId: 's1' });
  rounds.push({ kind: 'race', scenarioId: 's1' });
  const cfg = config('classroom', { rounds });
  const rng = new Rng(42);
  const log: Action[] = [];
  let state: GameState = createGame(cfg, 'bench');
  const push = (a: Action) => {
    log.push(a);
    state = next(state, a).state;
  };
  let t = 0;
  for (let i = 0; i < playerCount; i++)
    push({ type: 'join', actor: { role: 'system' }, at: t, playerId: `p${i}`, name: `Player ${i}` });
  push({ type: 'start', actor: { role: 'host' }, at: (t += 1000) });
  while (!state.finished) {
    if (state.phase === 'question') {
      const qs = state.question!;
      const q = CONTENT.questions.find((x) => x.id === qs.questionId)!;
      for (let i = 0; i < playerCount; i++) {
        const at = qs.openedAt + rng.int(qs.limitMs - 100);
        t = Math.max(t, at);
        const answer =
          q.type === 'single'
            ? { type: 'single' as const, choice: rng.int(4) }
            : q.type === 'multi'
              ? { type: 'multi' as const, choices: [rng.int(4)] }
              : q.type === 'truefalse'
                ? { type: 'truefalse' as const, value: rng.float() < 0.7 }
                : q.type === 'ordering'
                  ? { type: 'ordering' as const, order: rng.permutation(5) }
                  : q.type === 'matching'
                    ? { type: 'matching' as const, pairs: rng.permutation(3) }
                    : { type: 'numeric' as const, value: 18 + rng.int(4) };
        push({
          type: 'answer',
          actor: { role: 'player', playerId: `p${i}` },
          at: t,
          questionId: qs.questionId,
          answer,
        });
      }
    } else if (state.phase === 'race') {
      // Players rush the cards as they arrive; most lose the race for a card and are told so.
      for (const slot of state.race!.hosts.room!.cards) {
        t = Math.max(t, slot.arrivesAt);
        for (let k = 0; k < 10; k++)
          push({
            type: 'deploy',
            actor: { role: 'player', playerId: `p${rng.int(playerCount)}` },
            at: t,
            cardId: slot.cardId,
            choice: rng.pick(
              legalChoices(
                CONTENT.cards.find((c) => c.id === slot.cardId)!,
                LINUX_SERVER,
              ),
            ),
          });
      }
      while (state.phase === 'race')
        push({ type: 'tick', actor: { role: 'system' }, at: (t = Math.max(t, nextWakeAt(state)!)) });
    } else push({ type: 'next', actor: { role: 'host' }, at: (t += 1000) });
  }
  return { cfg, log };
}

function timeIt(fn: () => void, minMs = 300): number {
  fn(); // warm up
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn();
    runs++;
  }
  return (performance.now() - start) / runs;
}

/**
 * A room of n players seated, then one question answered by every player: the engine's share of a join's and an
 * answer's cost, in us. Ids shaped like the server's (random-looking strings, as nanoid makes them).
 */
function seatAndAnswer(n: number): { joinUs: number; answerUs: number } {
  const ids = Array.from({ length: n }, (_, i) => `${hashSeed(`a${i}`).toString(36)}${hashSeed(`b${i}`).toString(36)}`);
  const empty: GameState = createGame(config(), 'answers');
  let room = empty;
  const joinUs =
    (timeIt(() => {
      room = empty;
      for (let i = 0; i < n; i++)
        room = next(room, { type: 'join', actor: { role: 'system' }, at: 0, playerId: ids[i]!, name: `P${i}` }).state;
    }, 1000) *
      1000) /
    n;
  room = next(room, { type: 'start', actor: { role: 'host' }, at: 0 }).state;
  const opened = room;
  const answerUs =
    (timeIt(() => {
      let s = opened;
      for (let i = 0; i < n; i++)
        s = next(s, {
          type: 'answer',
          actor: { role: 'player', playerId: ids[i]! },
          at: 100,
          questionId: 'q1',
          answer: { type: 'single', choice: 0 },
        }).state;
    }, 1000) *
      1000) /
    n;
  return { joinUs, answerUs };
}

export function engineBench(): Figure[] {
  const { cfg, log } = bigGameLog(200);
  const replayMs = timeIt(() => replay(cfg, 'bench', log), 1000);
  const actionsPerS = log.length / (replayMs / 1000);

  const at2000 = seatAndAnswer(2000);
  const at4100 = seatAndAnswer(4100);

  const card = CONTENT.cards.find((c) => c.id === 'db')!;
  const ctx = { spec: LINUX_SERVER, deployments: [], cards: {} };
  const quoteUs =
    (timeIt(() => {
      for (let i = 0; i < 1000; i++) quoteOnHost(ctx, card, { kind: 'vm-para', placement: 'on-prem' });
    }) *
      1000) /
    1000;

  let plan = bestPlan(CONTENT, 's-small', 'bench');
  const planMs = timeIt(() => (plan = bestPlan(CONTENT, 's-small', 'bench')));
  let brute = bruteForcePlan(CONTENT, 's-small', 'bench');
  const bruteMs = timeIt(() => (brute = bruteForcePlan(CONTENT, 's-small', 'bench')));
  const bigPlanMs = timeIt(() => bestPlan(CONTENT, 's1', 'bench'));

  return [
    { name: 'replay of a 200-player game (20 questions, 3 races)', value: replayMs, unit: 'ms', goal: '< 100 ms' },
    { name: 'actions in that game', value: log.length, unit: 'actions' },
    { name: 'actions per second through next (replay)', value: actionsPerS, unit: 'actions/s' },
    { name: 'quoteDeployment', value: quoteUs, unit: 'us', goal: '< 50 us' },
    { name: 'one join through next, seating 2,000 players (mean)', value: at2000.joinUs, unit: 'us' },
    { name: 'one answer through next, 2,000-player room', value: at2000.answerUs, unit: 'us' },
    { name: 'one join through next, seating 4,100 players (mean)', value: at4100.joinUs, unit: 'us' },
    { name: 'one answer through next, 4,100-player room', value: at4100.answerUs, unit: 'us' },
    { name: 'bestPlan, 3-card scenario', value: planMs, unit: 'ms' },
    { name: 'brute force, 3-card scenario', value: bruteMs, unit: 'ms' },
    { name: 'bestPlan score / brute-force optimum', value: plan.score / brute.score, unit: 'ratio', goal: '1.00' },
    {
      name: 'bestPlan simulations / brute-force simulations',
      value: plan.simulations / brute.simulations,
      unit: 'ratio',
    },
    { name: 'bestPlan, 6-card scenario with 6 events (budget 300)', value: bigPlanMs, unit: 'ms' },
  ];
}
