// The host picture marks "exposed ⚠" only the deployments a race event harmed (client/src/lib/harmed.ts).
import { describe, expect, it } from 'vitest';
import { harmedIds } from '../../client/src/lib/harmed.js';
import { createGame, next } from '../../shared/engine/index.js';
import type { GameEvent } from '../../shared/engine/index.js';
import { card, config, LINUX_SERVER } from '../../shared/engine/testing/fixtures.js';

describe('harmed deployments', () => {
  it('a hardware failure harms the on-premise deployments, not the cloud ones it rewarded', () => {
    const cards = [card('a', { arrivesAtS: 0 }), card('b', { arrivesAtS: 0 }), card('c', { arrivesAtS: 0 })];
    const cfg = config('solo', {
      content: {
        questions: [],
        cards,
        scenarios: [
          {
            id: 's',
            title: 's',
            description: 's',
            host: LINUX_SERVER,
            deck: ['a', 'b', 'c'],
            events: [{ kind: 'hardware-failure', atS: 10 }],
            randomEvents: 0,
            lengthS: 60,
          },
        ],
      },
      rounds: [{ kind: 'race', scenarioId: 's' }],
    });
    const me = { role: 'player', playerId: 'p' } as const;
    let s = createGame(cfg, 'harmed');
    s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: 'p', name: 'P' }).state;
    s = next(s, { type: 'start', actor: me, at: 0 }).state;
    s = next(s, {
      type: 'deploy',
      actor: me,
      at: 1,
      cardId: 'a',
      choice: { kind: 'container', placement: 'on-prem' },
    }).state;
    s = next(s, {
      type: 'deploy',
      actor: me,
      at: 1,
      cardId: 'b',
      choice: { kind: 'vm-full', placement: 'iaas' },
    }).state;
    s = next(s, {
      type: 'deploy',
      actor: me,
      at: 1,
      cardId: 'c',
      choice: { kind: 'container', placement: 'paas' },
    }).state;
    const r = next(s, { type: 'tick', actor: { role: 'system' }, at: 10_000 });
    const event = r.events.find((e): e is Extract<GameEvent, { type: 'race-event' }> => e.type === 'race-event')!;
    const deps = r.state.race!.hosts['player:p']!.deployments;
    const onPrem = deps.filter((d) => d.choice.placement === 'on-prem').map((d) => d.id);
    // The event names all three (two were rewarded for surviving); only the on-premise one was harmed.
    expect(event.affected).toHaveLength(3);
    expect([...harmedIds([event])]).toEqual(onPrem);
    // An event from an older server, without effects: what it named is all we know.
    expect([...harmedIds([{ affected: ['x', 'y'] }])]).toEqual(['x', 'y']);
  });
});
