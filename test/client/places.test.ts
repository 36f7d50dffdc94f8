// Places on the boards and the podium: ties share a place (1, 2, 2, 4), as the engine's leaderboard ranks them.
import { describe, expect, it } from 'vitest';
import { places } from '../../client/src/lib/view-helpers.js';

describe('places', () => {
  it('gives tied scores one place and skips the places they fill', () => {
    expect(places([{ score: 900 }, { score: 688 }, { score: 688 }, { score: 392 }])).toEqual([1, 2, 2, 4]);
    expect(places([{ score: 5 }, { score: 5 }, { score: 5 }])).toEqual([1, 1, 1]);
    expect(places([])).toEqual([]);
  });
});
