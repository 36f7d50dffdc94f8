import { describe, expect, it } from 'vitest';
import { RoomReplies } from '../../server/rooms/idempotency.js';

describe("a room's memory of accepted answers", () => {
  it("keeps the open question's and the one before's, not every question of the game", () => {
    const replies = new RoomReplies<unknown>();
    for (const [i, questionId] of ['q1', 'q2', 'q3'].entries()) {
      replies.noteAnswered(questionId, 'p1', 10 + i);
      replies.noteAnswered(questionId, 'p2', 20 + i);
    }
    // A retry of the open question's answer, or of the last one's, gets its first version again.
    expect(replies.answeredAt('q3', 'p1')).toBe(12);
    expect(replies.answeredAt('q2', 'p2')).toBe(21);
    // Two questions back is forgotten (the engine refuses an answer to a closed question).
    expect(replies.answeredAt('q1', 'p1')).toBeUndefined();
    expect(replies.answeredAt('q3', 'p3')).toBeUndefined();
  });
});
