// The score ladder each phone counts its rank on (issue 17): the same rank as the engine's, ties shared.
import { describe, expect, it } from 'vitest';
import { encodeLadder, rankOnLadder } from './ladder.js';

/** The engine's rule: one more than the scores strictly above. */
const rankAmong = (scores: number[], score: number) => 1 + scores.filter((s) => s > score).length;

describe('score ladder', () => {
  it('writes steps down the board, with counts for ties', () => {
    expect(encodeLadder([])).toBe('');
    expect(encodeLadder([1000, 1000, 950, 0, 0, 0])).toBe(`${(1000).toString(36)}*2,1e,${(950).toString(36)}*3`);
    expect(encodeLadder([5, -3])).toBe('5,8');
    expect(encodeLadder([-3, -3])).toBe('-3*2');
  });

  it('gives every score the rank the engine gives it, ties sharing one (1, 2, 2, 4)', () => {
    const ladder = encodeLadder([900, 800, 800, 100]);
    expect([900, 800, 100, 0, 1000].map((s) => rankOnLadder(ladder, s))).toEqual([1, 2, 4, 5, 1]);
    expect(rankOnLadder('', 0)).toBe(1);
    // Random rooms of up to 5,000 with scores from -500 to 20,000.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let room = 0; room < 30; room++) {
      const n = 1 + Math.floor(rand() * 5000);
      const scores = Array.from({ length: n }, () => Math.floor(rand() * 20500) - 500).sort((a, b) => b - a);
      const ladder = encodeLadder(scores);
      for (let k = 0; k < 20; k++) {
        const mine = scores[Math.floor(rand() * n)]!;
        expect(rankOnLadder(ladder, mine)).toBe(rankAmong(scores, mine));
      }
    }
  });

  it('stays small: 4,100 players at the end of a game in about 10 KB', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const scores = Array.from({ length: 4100 }, () => Math.floor(rand() * 20000)).sort((a, b) => b - a);
    expect(encodeLadder(scores).length).toBeLessThan(12_000);
  });
});
