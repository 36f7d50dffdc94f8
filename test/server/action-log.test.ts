import { describe, expect, it } from 'vitest';
import type { Action } from '../../shared/engine/index.js';
import { ActionLog } from '../../server/rooms/action-log.js';

const answer = (playerId: string, at: number): Action => ({
  type: 'answer',
  actor: { role: 'player', playerId },
  at,
  questionId: 'q1',
  answer: { type: 'single', choice: 1 },
});

describe("a room's action log", () => {
  it('keeps each action as its stored text once written, and gives the same actions back', () => {
    const stored = [answer('p1', 1000)];
    const log = new ActionLog(stored);
    const fresh = [answer('p2', 2000), answer('p3', 3000)];
    for (const action of fresh) log.push(action);
    expect(log.length).toBe(3);
    // What goes to storage: the actions from index 1, as JSON.
    expect(log.textsFrom(1, 5)).toEqual(fresh.map((a) => JSON.stringify(a)));
    // Written, the log holds the text, not the object: a later change to the object is not in it.
    (fresh[0] as { at: number }).at = 9999;
    expect(log.actions()).toEqual([answer('p1', 1000), answer('p2', 2000), answer('p3', 3000)]);
    expect(log.textsFrom(0, 1)).toEqual([JSON.stringify(stored[0])]);
    // The finished game's log: every action's text, in order.
    expect(log.texts()).toEqual(
      [answer('p1', 1000), answer('p2', 2000), answer('p3', 3000)].map((a) => JSON.stringify(a)),
    );
  });
});
