// Ids that name Object.prototype's members ('__proto__', 'constructor', 'toString', ...) are unknown ids, never
// a team, a question, a card or a race host that "exists" because a plain object inherits it (issue 13).
import { describe, expect, it } from 'vitest';
import { createGame, next, type Action, type GameState } from './index.js';
import { config } from './testing/fixtures.js';
import { questionById } from './quiz/quiz.js';
import { cardIndex, hostContext, quoteDeployment } from './race/quote.js';

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
];
const system = { role: 'system' } as const;

function errorOf(state: GameState, action: Action): string | null {
  const event = next(state, action).events.find((e) => e.type === 'error');
  return event && event.type === 'error' ? event.code : null;
}

describe('prototype-named ids are unknown ids', () => {
  it('a join or a move to a team named like an Object.prototype member is team/unknown', () => {
    let state = createGame(config('team'), 'own-keys');
    state = next(state, { type: 'join', actor: system, at: 1, playerId: 'p1', name: 'Ada', teamId: 't1' }).state;
    for (const teamId of PROTO_KEYS) {
      expect(
        errorOf(state, { type: 'join', actor: system, at: 2, playerId: `x-${teamId}`, name: `N ${teamId}`, teamId }),
      ).toBe('team/unknown');
      expect(errorOf(state, { type: 'move-player', actor: { role: 'host' }, at: 2, playerId: 'p1', teamId })).toBe(
        'team/unknown',
      );
    }
    // The real teams still work.
    expect(
      errorOf(state, { type: 'move-player', actor: { role: 'host' }, at: 2, playerId: 'p1', teamId: 't2' }),
    ).toBeNull();
  });

  it('question, card and race-host lookups find nothing for those names', () => {
    const state = createGame(config('classroom'), 'own-keys');
    for (const id of PROTO_KEYS) {
      expect(questionById({ s: state }, id)).toBeUndefined();
      expect(cardIndex(state)[id]).toBeUndefined();
    }
    let racing = createGame(config('classroom', { rounds: [{ kind: 'race', scenarioId: 's1' }] }), 'own-keys');
    racing = next(racing, { type: 'join', actor: system, at: 1, playerId: 'p1', name: 'Ada' }).state;
    racing = next(racing, { type: 'start', actor: { role: 'host' }, at: 2 }).state;
    expect(racing.phase).toBe('race');
    for (const id of PROTO_KEYS) {
      expect(hostContext(racing, id)).toBeNull();
      expect(quoteDeployment(racing, 'room', id, { kind: 'vm-full', placement: 'on-prem' })).toBeNull();
    }
  });
});
