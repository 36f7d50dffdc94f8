// A race event tells the room what it did to whom: one effect per score change it made, naming the player, the
// deployment and the reason, so the projector can say "Ada lost 150 on the web front end: it shares the kernel".
import { describe, expect, it } from 'vitest';
import { billOf, createGame, next, nextWakeAt } from '../index.js';
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
      scenarios: [
        {
          id: 's',
          title: 's',
          description: 's',
          host: LINUX_SERVER,
          deck: cards.map((c) => c.id),
          events: [{ kind, atS: 10 }],
          randomEvents: 0,
          lengthS: 60,
        },
      ],
    },
    rounds: [{ kind: 'race', scenarioId: 's' }],
  });
  let s = createGame(cfg, seed);
  for (const id of PLAYERS)
    s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: id, name: id.toUpperCase() }).state;
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
      expect(event.effects.map((e) => ({ playerId: e.playerId, delta: e.delta, why: e.why }))).toEqual(
        scores.map((s) => s.change),
      );
      const deployments = state.race!.hosts.room!.deployments;
      for (const e of event.effects) {
        const dep = deployments.find((d) => d.id === e.deploymentId);
        expect(dep && { playerId: dep.playerId, cardId: dep.cardId }).toEqual({
          playerId: e.playerId,
          cardId: e.cardId,
        });
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

describe('a hardware failure takes the host down', () => {
  const system = { role: 'system' } as const;
  // 60 min of real downtime (params DOWNTIME_MIN, GUESS) at GAME_TIME_SCALE 0.05: 180 s of game time.
  const BACK = 10_000 + 180_000;

  it('marks every on-premise deployment on the host down until the race brings it back; cloud ones stay up', () => {
    const { state } = fire('hardware-failure');
    const deps = state.race!.hosts.room!.deployments;
    for (const d of deps) {
      const onPrem = d.choice.placement === 'on-prem';
      expect(d.down, d.id).toBe(onPrem);
      expect(d.downUntil, d.id).toBe(onPrem ? BACK : undefined);
      expect(d.downtimeMin ?? 0, d.id).toBe(onPrem ? 60 : 0);
    }
    // The authority wakes the engine when they are due back (before the race's end, in a long race).
    const long = { ...state, race: { ...state.race!, endsAt: BACK + 60_000 } };
    expect(nextWakeAt(long)).toBe(BACK);
    const early = next(long, { type: 'tick', actor: system, at: BACK - 1 });
    expect(early.state.race!.hosts.room!.deployments.filter((d) => d.down).length).toBe(
      deps.filter((d) => d.down).length,
    );
    const r = next(long, { type: 'tick', actor: system, at: BACK });
    expect(r.state.race!.hosts.room!.deployments.every((d) => !d.down && d.downUntil === undefined)).toBe(true);
    const back = r.events.find((e) => e.type === 'recovered');
    expect(back).toEqual({
      type: 'recovered',
      hostId: 'room',
      deploymentIds: deps.filter((d) => d.down).map((d) => d.id),
    });
    // The downtime stays on the record for the bill.
    expect(r.state.race!.hosts.room!.deployments.map((d) => d.downtimeMin ?? 0)).toEqual(
      deps.map((d) => d.downtimeMin ?? 0),
    );
  });

  it('a pause moves the time they come back', () => {
    const { state } = fire('hardware-failure');
    const long = { ...state, race: { ...state.race!, endsAt: BACK + 60_000 } };
    let s = next(long, { type: 'pause', actor: { role: 'host' }, at: 20_000 }).state;
    s = next(s, { type: 'resume', actor: { role: 'host' }, at: 50_000 }).state;
    expect(nextWakeAt(s)).toBe(BACK + 30_000);
    expect(s.race!.hosts.room!.deployments.filter((d) => d.down).every((d) => d.downUntil === BACK + 30_000)).toBe(
      true,
    );
  });

  it('the bill reads downtime from the state', () => {
    const { state } = fire('hardware-failure');
    const onPrem = state.race!.hosts.room!.deployments.filter((d) => d.choice.placement === 'on-prem');
    expect(billOf(state, 'room').downtimeMinutes).toBe(60 * onPrem.length);
    // Whatever the events were, the bill says what the state says.
    const edited = structuredClone(state);
    edited.race!.hosts.room!.deployments[0]!.downtimeMin = 7;
    const deps = edited.race!.hosts.room!.deployments;
    expect(billOf(edited, 'room').downtimeMinutes).toBe(deps.reduce((s, d) => s + (d.downtimeMin ?? 0), 0));
  });

  it('patch day reboots the host: everything on premises stops for the reboot, cloud deployments do not', () => {
    const { state } = fire('patch-day');
    for (const d of state.race!.hosts.room!.deployments) {
      const onPrem = d.choice.placement === 'on-prem';
      expect(d.down, d.id).toBe(onPrem);
      expect(d.downtimeMin ?? 0, d.id).toBe(onPrem ? 15 : 0);
    }
  });

  it('only deployments an event harmed carry a negative effect: cloud workloads that survived gain', () => {
    const { event, state } = fire('hardware-failure');
    const deps = state.race!.hosts.room!.deployments;
    for (const e of event.effects) {
      const dep = deps.find((d) => d.id === e.deploymentId)!;
      expect(e.delta < 0, dep.id).toBe(dep.choice.placement === 'on-prem');
    }
  });
});
