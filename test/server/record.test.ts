// The stored record of a game: each closed question's answers, one row per player who could answer, in seating order.
import { describe, expect, it } from 'vitest';
import { createGame, next, type Action, type GameState } from '../../shared/engine/index.js';
import { CONTENT, config } from '../../shared/engine/testing/fixtures.js';
import { GameRecorder } from '../../server/rooms/record.js';
import type { RoomRecord } from '../../server/storage/types.js';

describe("a game's record", () => {
  it("keeps each closed question's answers: who, how right, the points and the time", () => {
    const [q1, q2] = [CONTENT.questions[0]!, CONTENT.questions[1]!];
    const cfg = config('classroom', {
      content: { ...CONTENT, questions: [q1, q2] },
      rounds: [{ kind: 'quiz', questionIds: [q1.id, q2.id] }],
    });
    const recorder = new GameRecorder();
    let s: GameState = createGame(cfg, 'record');
    const step = (action: Action) => {
      const result = next(s, action);
      const error = result.events.find((e) => e.type === 'error');
      if (error) throw new Error(JSON.stringify(error));
      recorder.observe(s, result);
      s = result.state;
    };
    for (const id of ['a', 'b', 'c'])
      step({ type: 'join', actor: { role: 'system' }, at: 0, playerId: id, name: id.toUpperCase() });
    step({ type: 'start', actor: { role: 'host' }, at: 1000 });
    const questionId = s.question!.questionId;
    const answer = (playerId: string, at: number, choice: number) =>
      step({ type: 'answer', actor: { role: 'player', playerId }, at, questionId, answer: { type: 'single', choice } });
    answer('b', 3000, 0);
    answer('a', 4000, 1);
    step({ type: 'next', actor: { role: 'host' }, at: 5000 });
    const room: RoomRecord = {
      code: '123456',
      mode: 'classroom',
      packId: 'test',
      packTitle: 'Test',
      config: cfg,
      seed: 'record',
      hostKeyHash: 'x',
      createdAt: 0,
      status: 'active',
    };
    const rows = recorder.build(room, 'g1', s, []).answers;
    const points = (id: string) => rows.find((r) => r.playerId === id)!.points;
    expect(rows.map((r) => [r.playerId, r.questionId, r.topic, r.correctness, r.elapsedMs])).toEqual([
      ['a', q1.id, q1.topic, 0, 3000],
      ['b', q1.id, q1.topic, 1, 2000],
      ['c', q1.id, q1.topic, 0, 0],
    ]);
    expect(points('b')).toBeGreaterThan(0);
    expect(points('a')).toBe(0);
    expect(points('c')).toBe(0);
  });
});
