// A close makes each different score change's why once and shares it: the same texts the rule gives each player.
import { describe, expect, it } from 'vitest';
import { answerOutcome, createGame, next } from '../index.js';
import type { Action, Actor, GameEvent, GameState } from '../index.js';
import { CONTENT, config } from '../testing/fixtures.js';
import { answerOf } from './answers.js';

const system: Actor = { role: 'system' };
const host: Actor = { role: 'host' };

function apply(s: GameState, a: Action): { state: GameState; events: GameEvent[] } {
  const r = next(s, a);
  const err = r.events.find((e) => e.type === 'error');
  if (err) throw new Error(JSON.stringify(err));
  return r;
}

describe("a close's whys", () => {
  it("are shared by the players with the same result, and are the rule's own for each", () => {
    const q1 = CONTENT.questions[0]!;
    const cfg = config('classroom', {
      content: { ...CONTENT, questions: [q1] },
      rounds: [{ kind: 'quiz', questionIds: ['q1'] }],
    });
    let s = createGame(cfg, 'whys');
    for (const id of ['a', 'b', 'c', 'd', 'e'])
      s = apply(s, { type: 'join', actor: system, at: 0, playerId: id, name: id.toUpperCase() }).state;
    s = apply(s, { type: 'start', actor: host, at: 1000 }).state;
    const answer = (playerId: string, at: number, choice: number) =>
      (s = apply(s, {
        type: 'answer',
        actor: { role: 'player', playerId },
        at,
        questionId: 'q1',
        answer: { type: 'single', choice },
      }).state);
    // a and b: right at the same moment; c: right, later; d: wrong; e: no answer.
    answer('a', 6000, 0);
    answer('b', 6000, 0);
    answer('d', 6000, 1);
    answer('c', 9000, 0);
    const before = s;
    const closed = apply(s, { type: 'next', actor: host, at: 10_000 });
    const whyOf = new Map<string, unknown>();
    for (const e of closed.events) if (e.type === 'score') whyOf.set(e.change.playerId, e.change.why);
    expect([...whyOf.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(whyOf.get('a')).toBe(whyOf.get('b'));
    expect(whyOf.get('c')).not.toEqual(whyOf.get('a'));
    for (const id of ['a', 'c']) {
      const rec = answerOf(before.question!, id)!;
      expect(whyOf.get(id)).toEqual([answerOutcome(q1, rec, 0).why]);
    }
  });
});
