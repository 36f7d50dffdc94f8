// A question's own points weight (pack field `points`: 0 = no points, 1 = standard, 2 = double), on top of the
// game-wide multiplier.
import { describe, expect, it } from 'vitest';
import { createGame, next, viewFor } from '../index.js';
import type { Action, Actor, GameConfig, GameEvent, GameState, QuestionPoints } from '../index.js';
import { CONTENT, config } from '../testing/fixtures.js';
import { playerOf } from '../players.js';
import { DEFAULT_SCORING } from './scoring.js';

const system: Actor = { role: 'system' };
const host: Actor = { role: 'host' };
const as = (playerId: string): Actor => ({ role: 'player', playerId });

function apply(s: GameState, a: Action): { state: GameState; events: GameEvent[] } {
  const r = next(s, a);
  const err = r.events.find((e) => e.type === 'error');
  if (err) throw new Error(JSON.stringify(err));
  return r;
}

/** One player answers q1 (right or wrong) 5 s in; returns the score, the close results and the player's view. */
function play(points: QuestionPoints | undefined, opts: { right?: boolean; multiplier?: 0 | 1 | 2 } = {}) {
  const q1 = { ...CONTENT.questions[0]!, ...(points === undefined ? {} : { points }) };
  const cfg: GameConfig = config('classroom', {
    content: { ...CONTENT, questions: [q1] },
    rounds: [{ kind: 'quiz', questionIds: ['q1'] }],
    scoring: { ...DEFAULT_SCORING, pointsMultiplier: opts.multiplier ?? 1 },
  });
  let s = createGame(cfg, 'pts');
  s = apply(s, { type: 'join', actor: system, at: 0, playerId: 'p0', name: 'P0' }).state;
  s = apply(s, { type: 'join', actor: system, at: 0, playerId: 'p1', name: 'P1' }).state;
  s = apply(s, { type: 'start', actor: host, at: 1000 }).state;
  const view = viewFor(s, as('p0')).question!.question;
  const choice = opts.right === false ? 1 : 0;
  s = apply(s, {
    type: 'answer',
    actor: as('p0'),
    at: 6000,
    questionId: 'q1',
    answer: { type: 'single', choice },
  }).state;
  const r = apply(s, { type: 'next', actor: host, at: 7000 });
  const closed = r.events.find((e) => e.type === 'question-closed');
  if (closed?.type !== 'question-closed') throw new Error('the question did not close');
  return { score: playerOf(r.state, 'p0')!.score, result: closed.results['p0']!, view };
}

describe("a question's points weight", () => {
  it('absent scores as standard (1)', () => {
    const standard = play(undefined).score;
    expect(standard).toBeGreaterThan(0);
    expect(play(1).score).toBe(standard);
    expect(play(undefined).view.points).toBeUndefined();
    expect(play(1).view.points).toBeUndefined();
  });
  it('double gives twice the standard points', () => {
    const standard = play(1).score;
    expect(play(2).score).toBe(2 * standard);
    expect(play(2).view.points).toBe(2);
  });
  it('0 gives no points but the answer is still right or wrong', () => {
    const right = play(0);
    expect(right.score).toBe(0);
    expect(right.result).toEqual({ correctness: 1, points: 0 });
    expect(right.view.points).toBe(0);
    const wrong = play(0, { right: false });
    expect(wrong.result).toEqual({ correctness: 0, points: 0 });
  });
  it("multiplies with the game's multiplier", () => {
    const standard = play(1).score;
    expect(play(2, { multiplier: 2 }).score).toBe(4 * standard);
    expect(play(2, { multiplier: 0 }).score).toBe(0);
  });
});
