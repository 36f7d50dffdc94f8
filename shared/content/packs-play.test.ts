// Every built-in pack plays through the engine with bots, and every scenario keeps its best-known plan:
// a content change that breaks a scenario (a card that no longer fits, a rule it now breaks) fails here.
import { describe, expect, it } from 'vitest';
import { bestPlan, playerOf } from '../engine/index.js';
import { autoplay } from '../engine/testing/autoplay.js';
import { BUILTIN_PACKS } from './builtin.js';
import { configFromPack } from './config.js';

describe('built-in packs play through the engine', () => {
  it.each(BUILTIN_PACKS.map((p) => [p.meta.id, p] as const))('%s, with three bots of each strength', (_id, pack) => {
    const mode = pack.meta.id.startsWith('team') ? 'team' : pack.meta.id.startsWith('daily') ? 'solo' : 'classroom';
    const { state, errors } = autoplay(configFromPack(pack, { mode, teamCount: 2 }), `play-${pack.meta.id}`, [
      'hard',
      'medium',
      'easy',
    ]);
    expect(state.finished).toBe(true);
    expect(errors.filter((e) => e.code === 'engine/bug')).toEqual([]);
    expect(playerOf(state, 'b0')!.score).toBeGreaterThan(0);
  });
});

describe('scenarios keep their best-known plans', () => {
  // Both languages carry the same scenarios; one language is enough for the plans.
  const scenarios = new Map(
    BUILTIN_PACKS.filter((p) => p.meta.language === 'en').flatMap((p) => p.scenarios.map((s) => [s.id, p] as const)),
  );
  it.each([...scenarios].map(([id, pack]) => [id, pack] as const))('%s', (id, pack) => {
    const plan = bestPlan(pack, id, 'best-known', 200);
    const deployed = plan.choices.filter((c) => c.choice !== null).length;
    expect(deployed / plan.choices.length).toBeGreaterThanOrEqual(0.5);
    expect({
      score: plan.score,
      choices: plan.choices.map((c) => `${c.cardId}: ${c.choice ? `${c.choice.kind}@${c.choice.placement}` : 'skip'}`),
    }).toMatchSnapshot();
  });
});
