// A race event tells the room what it did to whom: one effect per score change it made, naming the player, the
// deployment and the reason, so the projector can say "Ada lost 150 on the web front end: it shares the kernel".
import { describe, expect, it } from 'vitest';
import { createGame, next } from '../index.js';
import type { DeployChoice, GameEvent, GameState, RaceEventKind } from '../index.js';
import { card, config, LINUX_SERVER } from '../testing/fixtures.js';

type RaceEvent = Extract<GameEvent, { type: 'race-event' }>;
type ScoreEvent = Extract<GameEvent, { type: 'score' }>;

const PLAYERS = ['ada', 'min', 'lin'] as const;
const CHOICES: DeployChoice[] = [
  { kind: 'container', placement: 'on-prem' },
  { kind: 'vm-full', placement: 'on-prem' },
  { kind: 'traditional', placement: 'on-prem' },
  { kind: 'container', placement: 'paas' },
  { kind: 'sandboxed-container', placement: 'on-prem' },
  { kind: 'vm-full', placement: 'iaas' },
];

/** A classroom race on one shared host: three players deploy two cards each, then `kind` fires. */
function fire(kind: RaceEventKind, seed = 'effects'): { event: RaceEvent; scores: ScoreEvent[]; state: GameState } {
  const cards = CHOICES.map((_, i) => card(`c${i}`, { arrivesAtS: 0, traffic: 'bursty' }));
  const cfg = config('classroom', {
    content: {
      questions: [],
      cards,
      scenarios: [{ id: 's', title: 's', description: 's', host: LINUX_SERVER, deck: cards.map((c) => c.id), events: [{ kind, atS: 10 }], randomEvents: 0, lengthS: 60 }],
    },
    rounds: [{ kind: 'race', scenarioId: 's' }],
  });
  let s = createGame(cfg, seed);
  for (const id of PLAYERS) s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: id, name: id.toUpperCase() }).state;
  s = next(s, { type: 'start', actor: { role: 'host' }, at: 0 }).state;
  CHOICES.forEach((choice, i) => {
    const playerId = PLAYERS[i % PLAYERS.length]!;
    const r = next(s, { type: 'deploy', actor: { role: 'player', playerId }, at: 1, cardId: `c${i}`, choice });
    expect(r.events.find((e) => e.type === 'error')).toBeUndefined();
    s = r.state;
  });
  const r = next(s, { type: 'tick', actor: { role: 'system' }, at: 10_000 });
  const event = r.events.find((e): e is RaceEvent => e.type === 'race-event');
  if (!event) throw new Error('no race event');
  return { event, scores: r.events.filter((e): e is ScoreEvent => e.type === 'score'), state: r.state };
}

describe('race event effects', () => {
  for (const kind of ['kernel-cve', 'traffic-spike', 'noisy-neighbour', 'hardware-failure', 'patch-day'] as const) {
    it(`${kind}: one effect per score change, naming the player, deployment, card, points and why`, () => {
      const { event, scores, state } = fire(kind);
      expect(event.effects.length).toBeGreaterThan(0);
      expect(event.effects.map((e) => e.deploymentId)).toEqual(event.affected);
      expect(event.effects.map((e) => ({ playerId: e.playerId, delta: e.delta, why: e.why }))).toEqual(scores.map((s) => s.change));
      const deployments = state.race!.hosts.room!.deployments;
      for (const e of event.effects) {
        const dep = deployments.find((d) => d.id === e.deploymentId);
        expect(dep && { playerId: dep.playerId, cardId: dep.cardId }).toEqual({ playerId: e.playerId, cardId: e.cardId });
        expect(e.delta).not.toBe(0);
        for (const w of e.why) expect(w.ko && w.en && w.topic).toBeTruthy();
        // Public data only: the effect's fields, no score total or answer.
        expect(Object.keys(e).sort()).toEqual(['cardId', 'delta', 'deploymentId', 'playerId', 'why']);
      }
      // Several players are named: the projector can say who lost and who gained.
      expect(new Set(event.effects.map((e) => e.playerId)).size).toBeGreaterThan(1);
    });
  }

  it('noisy neighbour names the workload that hogged the host, which loses nothing itself', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const { event, state } = fire('noisy-neighbour', seed);
      const culprit = state.race!.hosts.room!.deployments.find((d) => d.id === event.culprit);
      expect(culprit?.choice.placement).toBe('on-prem');
      expect(event.affected).not.toContain(event.culprit);
    }
    expect(fire('kernel-cve').event.culprit).toBeNull();
  });
});
