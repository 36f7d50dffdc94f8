// Property: whatever actions arrive (valid or not), the engine never throws, a rejected action changes
// nothing, and replaying the log from the seed yields the same state bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGame, next, replay } from './index.js';
import type { Action, Actor, Answer, DeployChoice } from './index.js';
import { DEPLOY_KINDS, PLACEMENTS } from './types.js';
import { config } from './testing/fixtures.js';

const players = ['p1', 'p2', 'p3', 'bot'];
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  fc.constant({ role: 'host' } as const),
  fc.constant({ role: 'system' } as const),
  fc.constantFrom(...players).map((playerId) => ({ role: 'player', playerId }) as const),
);
const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ type: fc.constant('single' as const), choice: fc.integer({ min: -1, max: 5 }) }),
  fc.record({
    type: fc.constant('multi' as const),
    choices: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
  }),
  fc.record({ type: fc.constant('truefalse' as const), value: fc.boolean() }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5 }) }),
  fc.record({ type: fc.constant('matching' as const), pairs: fc.shuffledSubarray([0, 1, 2], { minLength: 3 }) }),
  fc.record({ type: fc.constant('numeric' as const), value: fc.integer({ min: 0, max: 40 }) }),
);
const choiceArb: fc.Arbitrary<DeployChoice> = fc.record({
  kind: fc.constantFrom(...DEPLOY_KINDS),
  placement: fc.constantFrom(...PLACEMENTS),
});
const cardArb = fc.constantFrom('web', 'plugins', 'payroll', 'legacy', 'office', 'db', 'nope');
const questionArb = fc.constantFrom('q1', 'q2', 'q3', 'q4', 'q5', 'q6');

// Each generated step is an action without its time; times are made increasing (with some jitter back).
const stepArb = fc.tuple(
  fc.integer({ min: -500, max: 30_000 }),
  fc.oneof(
    fc.record({
      type: fc.constant('join' as const),
      actor: actorArb,
      playerId: fc.constantFrom(...players),
      name: fc.constantFrom('Ada', 'Bo', 'ada', 'Cy'),
    }),
    fc.record({
      type: fc.constantFrom(
        'start' as const,
        'next' as const,
        'skip' as const,
        'pause' as const,
        'resume' as const,
        'end' as const,
        'tick' as const,
      ),
      actor: actorArb,
    }),
    fc.record({ type: fc.constant('answer' as const), actor: actorArb, questionId: questionArb, answer: answerArb }),
    fc.record({ type: fc.constant('deploy' as const), actor: actorArb, cardId: cardArb, choice: choiceArb }),
    fc.record({ type: fc.constantFrom('claim' as const, 'release' as const), actor: actorArb, cardId: cardArb }),
    fc.record({ type: fc.constant('remove-player' as const), actor: actorArb, playerId: fc.constantFrom(...players) }),
    fc.record({ type: fc.constant('add-time' as const), actor: actorArb, seconds: fc.integer({ min: -5, max: 200 }) }),
  ),
);

describe('replay', () => {
  it('reproduces any game bit for bit, and rejected actions change nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('classroom', 'team', 'solo'),
        fc.array(stepArb, { maxLength: 120 }),
        (seed, mode, steps) => {
          const cfg = config(mode);
          let state = createGame(cfg, seed);
          let t = 0;
          const log: Action[] = [];
          for (const [dt, partial] of steps) {
            t += dt;
            const action = { ...partial, at: t } as Action;
            const before = JSON.stringify(state);
            const r = next(state, action);
            if (r.events.some((e) => e.type === 'error')) {
              expect(r.state).toBe(state);
              expect(JSON.stringify(state)).toBe(before);
              expect(r.events).toHaveLength(1);
              expect(r.events[0]).not.toMatchObject({ code: 'engine/bug' });
            }
            state = r.state;
            log.push(action);
          }
          const again = replay(cfg, seed, log);
          expect(JSON.stringify(again.state)).toBe(JSON.stringify(state));
        },
      ),
      { numRuns: 150 },
    );
  });
});
