// The question form's points weight (client/src/workshop/draft.ts): what the editor writes into the pack.
import { describe, expect, it } from 'vitest';
import { smallPack } from '../fixtures/packs/small-pack.js';
import { questionOfType, setQuestionPoints } from '../../client/src/workshop/draft.js';
import { validatePack } from '../../shared/content/validate.js';
import { exportPack } from '../../shared/content/pack-io.js';
import type { Question } from '../../shared/engine/types.js';

describe("the workshop's points weight", () => {
  it('writes double and no points into the pack, and standard as no field (the pack stays as it was)', () => {
    const pack = smallPack();
    const before = exportPack(pack);
    const q = pack.questions[0]!;
    setQuestionPoints(q, 2);
    expect(q.points).toBe(2);
    const r = validatePack(pack);
    expect(r.ok && r.pack.questions[0]!.points).toBe(2);
    setQuestionPoints(q, 0);
    expect(q.points).toBe(0);
    setQuestionPoints(q, 1);
    expect('points' in q).toBe(false);
    expect(exportPack(pack)).toBe(before);
  });

  it('keeps the weight when the question changes type, and no answer field of the old type', () => {
    const pack = smallPack();
    const { id, topic, prompt, explanation, timeLimitS } = pack.questions[0]!;
    const q: Question = { id, topic, prompt, explanation, timeLimitS, type: 'numeric', correct: 3, tolerance: 1 };
    setQuestionPoints(q, 2);
    const single = questionOfType('single', q, q);
    expect(single.points).toBe(2);
    expect(Object.keys(single).sort()).toEqual(
      ['correct', 'explanation', 'id', 'options', 'points', 'prompt', 'timeLimitS', 'topic', 'type'].sort(),
    );
    if (single.type === 'single') single.options = ['a', 'b', 'c', 'd'];
    pack.questions[0] = single;
    expect(validatePack(pack).ok).toBe(true);
  });
});
