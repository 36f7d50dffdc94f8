// A small pack for the browser tests: one question of each type and one short race whose kernel CVE strikes early,
// built from the built-in English pack so it stays valid as the content grows.
import { builtinPack, BUILTIN_PACKS } from '../../shared/content/builtin.js';
import { QUESTION_TYPES, type Question } from '../../shared/engine/types.js';
import type { GamePack } from '../../shared/content/pack.js';

export const TEST_PACK_ID = 'browser-test-en';

export function browserTestPack(): GamePack {
  const base = builtinPack('course-en') ?? BUILTIN_PACKS.find((p) => p.meta.language === 'en');
  if (!base) throw new Error('no built-in English pack');
  const questions: Question[] = QUESTION_TYPES.map((type) => {
    const q = base.questions.find((x) => x.type === type);
    if (!q) throw new Error(`no ${type} question in ${base.meta.id}`);
    return q;
  });
  const scenario = base.scenarios.find((s) => s.host.machine === 'server') ?? base.scenarios[0];
  if (!scenario) throw new Error('no scenario');
  const deck = scenario.deck.slice(0, 3);
  const cards = base.cards.filter((c) => deck.includes(c.id)).map((c) => ({ ...c, arrivesAtS: 0 }));
  return {
    ...base,
    meta: {
      ...base.meta,
      id: TEST_PACK_ID,
      title: 'Browser test pack',
      description: 'One question of each type and one race.',
    },
    questions,
    cards,
    scenarios: [{ ...scenario, deck, events: [{ kind: 'kernel-cve', atS: 8 }], randomEvents: 0, lengthS: 120 }],
    rounds: [
      { kind: 'quiz', questionIds: questions.map((q) => q.id) },
      { kind: 'race', scenarioId: scenario.id },
    ],
  };
}

/**
 * A short pack for option tests: true/false questions (the correct answer is known to the test), a race between
 * them and a last question, so races on/off, leaderboards between rounds and late join all show.
 * Returns the pack and the correct answer of each question in play order.
 */
export function optionsPack(
  id: string,
  title: string,
  shape: 'options' | 'team' = 'options',
): { pack: GamePack; answers: boolean[] } {
  const base = builtinPack('course-en') ?? BUILTIN_PACKS.find((p) => p.meta.language === 'en');
  if (!base) throw new Error('no built-in English pack');
  const tf = base.questions
    .filter((q): q is Extract<Question, { type: 'truefalse' }> => q.type === 'truefalse')
    .slice(0, 3);
  if (tf.length < 3) throw new Error('not enough true/false questions');
  const scenario = base.scenarios.find((s) => s.host.machine === 'server') ?? base.scenarios[0];
  if (!scenario) throw new Error('no scenario');
  const deck = scenario.deck.slice(0, 3);
  const cards = base.cards.filter((c) => deck.includes(c.id)).map((c) => ({ ...c, arrivesAtS: 0 }));
  const [q1, q2, q3] = tf as [(typeof tf)[number], (typeof tf)[number], (typeof tf)[number]];
  return {
    pack: {
      ...base,
      meta: { ...base.meta, id, title, description: 'Three true/false questions around one race.' },
      questions: tf,
      cards,
      scenarios: [{ ...scenario, deck, events: [], randomEvents: 0, lengthS: 180 }],
      rounds:
        shape === 'team'
          ? [
              { kind: 'quiz', questionIds: [q1.id] },
              { kind: 'race', scenarioId: scenario.id },
            ]
          : [
              { kind: 'quiz', questionIds: [q1.id] },
              { kind: 'race', scenarioId: scenario.id },
              { kind: 'quiz', questionIds: [q2.id, q3.id] },
            ],
    },
    answers: [q1.correct, q2.correct, q3.correct],
  };
}

/**
 * The whole-class pack: one question of each type, a short race (40 s, a kernel CVE after 10 s) between two quiz
 * rounds, so a class plays every screen in a few minutes with every timer running out by itself.
 */
export function classPack(): GamePack {
  const base = browserTestPack();
  const scenario = base.scenarios[0]!;
  const ids = base.questions.map((q) => q.id);
  return {
    ...base,
    meta: {
      ...base.meta,
      id: 'class-test-en',
      title: 'Class test pack',
      description: 'Every question type and a 40-second race.',
    },
    scenarios: [{ ...scenario, events: [{ kind: 'kernel-cve', atS: 10 }], randomEvents: 0, lengthS: 40 }],
    rounds: [
      { kind: 'quiz', questionIds: ids.slice(0, 3) },
      { kind: 'race', scenarioId: scenario.id },
      { kind: 'quiz', questionIds: ids.slice(3) },
    ],
  };
}

/**
 * One true/false question, then one race on `scenario` of the base pack with the given events and length: the
 * shortest way to a race that a browser test lets run out by itself.
 */
export function oneQuestionRacePack(opts: {
  base: GamePack;
  scenarioId: string;
  meta: Pick<GamePack['meta'], 'id' | 'title' | 'description'>;
  events: GamePack['scenarios'][number]['events'];
  lengthS: number;
}): GamePack {
  const tf = opts.base.questions.find((q) => q.type === 'truefalse');
  const scenario = opts.base.scenarios.find((s) => s.id === opts.scenarioId);
  if (!tf || !scenario) throw new Error(`${opts.base.meta.id} lacks a true/false question or ${opts.scenarioId}`);
  const cards = opts.base.cards.filter((c) => scenario.deck.includes(c.id)).map((c) => ({ ...c, arrivesAtS: 0 }));
  return {
    ...opts.base,
    meta: { ...opts.base.meta, ...opts.meta },
    questions: [tf],
    cards,
    scenarios: [{ ...scenario, events: opts.events, randomEvents: 0, lengthS: opts.lengthS }],
    rounds: [
      { kind: 'quiz', questionIds: [tf.id] },
      { kind: 'race', scenarioId: scenario.id },
    ],
  };
}
