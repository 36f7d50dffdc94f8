import { describe, expect, it } from 'vitest';
import { bestPlan, bruteForcePlan, raceStart, simulatePlan } from './best-plan.js';
import { CONTENT } from '../testing/fixtures.js';

describe('bestPlan', () => {
  it('matches exhaustive search on a small scenario', () => {
    const best = bestPlan(CONTENT, 's-small', 'seed');
    const brute = bruteForcePlan(CONTENT, 's-small', 'seed');
    expect(brute.simulations).toBeGreaterThan(100);
    expect(best.score).toBe(brute.score);
    expect(best.simulations).toBeLessThan(brute.simulations);
  });

  it('stays within its simulation budget and is deterministic', () => {
    const a = bestPlan(CONTENT, 's1', 'seed', 40);
    expect(a.simulations).toBeLessThanOrEqual(40);
    expect(bestPlan(CONTENT, 's1', 'seed', 40)).toEqual(a);
  });

  it('beats deploying everything as a plain full VM', () => {
    const plan = bestPlan(CONTENT, 's1', 'seed');
    const naive = plan.choices.map((c) => ({
      cardId: c.cardId,
      choice: { kind: 'vm-full' as const, placement: 'on-prem' as const },
    }));
    expect(plan.score).toBeGreaterThan(simulatePlan(raceStart(CONTENT, 's1', 'seed'), naive));
  });
});
