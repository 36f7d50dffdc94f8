// The workshop's pure parts: the validator's messages said in Korean (every message shape a teacher can meet while
// editing), a question turned into another type keeping its texts, and the scenario verdict of the best plan.
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../shared/content/validate.js';
import { QUESTION_TYPES } from '../../shared/engine/types.js';
import {
  addToRounds,
  blankPack,
  check,
  newCard,
  newQuestion,
  newScenario,
  questionOfType,
} from '../../client/src/workshop/draft.js';
import { koMessage } from '../../client/src/workshop/errors-ko.js';
import { planScenario } from '../../client/src/workshop/scenario-form.js';

const HANGUL = /[가-힣]/;

function validPack() {
  const pack = blankPack('Test', 'en');
  const q = newQuestion(pack, 'single');
  Object.assign(q, { prompt: 'Which?', explanation: 'Because.', options: ['A', 'B', 'C', 'D'] });
  pack.questions.push(q);
  addToRounds(pack, q.id);
  const card = newCard(pack);
  Object.assign(card, { title: 'Web', description: 'A web app.' });
  pack.cards.push(card);
  const s = newScenario(pack);
  Object.assign(s, { title: 'Lab', description: 'A lab host.', lengthS: 30 });
  pack.scenarios.push(s);
  pack.rounds.push({ kind: 'race', scenarioId: s.id });
  return pack;
}

describe('the workshop draft', () => {
  it('starts valid once its texts are written', () => {
    expect(check(validPack()).errors).toEqual([]);
  });

  it('says every validator message a teacher meets while editing in Korean', () => {
    const pack = validPack();
    for (const type of QUESTION_TYPES) {
      const q = newQuestion(pack, type);
      pack.questions.push(q);
      addToRounds(pack, q.id);
    }
    const single = pack.questions[0]!;
    if (single.type === 'single')
      Object.assign(single, { correct: 7, timeLimitS: 2, options: ['A', 'A', 'x'.repeat(300)] });
    pack.questions[1]!.id = pack.questions[0]!.id;
    const multi = pack.questions.find((q) => q.type === 'multi');
    if (multi?.type === 'multi') multi.correct = [];
    pack.scenarios[0]!.deck.push('nope', pack.cards[0]!.id);
    pack.scenarios[0]!.events.push({ kind: 'kernel-cve', atS: 999 });
    pack.rounds.push({ kind: 'quiz', questionIds: ['ghost'] }, { kind: 'race', scenarioId: 'ghost' });
    pack.cards[0]!.cpu = -1;
    Object.assign(pack.meta, { title: '' });
    const { errors } = check(pack);
    expect(errors.length).toBeGreaterThan(15);
    const untranslated = errors.filter((e) => !HANGUL.test(koMessage(e.message))).map((e) => e.message);
    expect(untranslated).toEqual([]);
  });

  it('turns a question into another type keeping its prompt and texts', () => {
    const pack = blankPack('T', 'ko');
    const q = newQuestion(pack, 'single');
    Object.assign(q, { prompt: 'Order them', options: ['one', 'two', 'three'] });
    const ordering = questionOfType('ordering', q, q);
    expect(ordering).toMatchObject({ type: 'ordering', prompt: 'Order them', items: ['one', 'two', 'three'] });
    const matching = questionOfType('matching', ordering, ordering);
    expect(matching).toMatchObject({ left: ['one', 'two', 'three'], pairs: [0, 1, 2] });
    expect(validatePack({ ...validPack(), questions: [] }).ok).toBe(false);
  });

  it('finds a scenario nobody can win, and one that is fine', () => {
    const pack = validPack();
    pack.cards[0]!.residency = 'on-prem';
    expect(planScenario(pack, 0)).toMatchObject({ unwinnable: false });
    Object.assign(pack.scenarios[0]!.host, { cores: 1, ramGb: 1 });
    expect(planScenario(pack, 0)).toMatchObject({ unwinnable: true });
  });
});
