// Docker images with shared layers, and orchestration (Kubernetes), in the race (issue 14; notes 001-004).
import { describe, expect, it } from 'vitest';
import { createGame, next } from '../reducer.js';
import type {
  DeployChoice,
  DeployKind,
  Deployment,
  GameEvent,
  GameState,
  HostSpec,
  RaceEventKind,
  WorkloadCard,
} from '../types.js';
import { card, config, DESKTOP, LINUX_SERVER } from '../testing/fixtures.js';
import { quoteOnHost, type HostContext } from './quote.js';
import { BASE_IMAGE_MB, DOWNTIME_MIN, GAME_TIME_SCALE, ORCHESTRATION, RACE_POINTS } from './params.js';
import { legalChoices } from './rules.js';

const onPrem = (kind: DeployKind): DeployChoice => ({ kind, placement: 'on-prem' });
const dep = (id: string, cardId: string, kind: DeployKind, patch: Partial<Deployment> = {}): Deployment => ({
  id,
  cardId,
  playerId: 'p',
  hostId: 'h',
  choice: onPrem(kind),
  at: 0,
  readyAt: 0,
  cpu: 1,
  ramGb: 1,
  diskGb: 1,
  points: 0,
  auditPoints: 0,
  eventPoints: 0,
  down: false,
  layer: 'infrastructure',
  ...patch,
});
const ctxWith = (cards: WorkloadCard[], deployments: Deployment[], spec: HostSpec = LINUX_SERVER): HostContext => ({
  spec,
  deployments,
  cards: Object.fromEntries(cards.map((c) => [c.id, c])),
});

const web = card('web', { image: { base: 'debian', ownMb: 50 }, startDeadlineS: 3 });
const api = card('api', { image: { base: 'debian', ownMb: 25 }, startDeadlineS: 3 });
const tool = card('tool', { image: { base: 'alpine', ownMb: 25 }, startDeadlineS: 3 });

describe('images and shared layers', () => {
  it('a second container from a base already on the host pays only its own layers, in disk and in start time', () => {
    const first = quoteOnHost(ctxWith([web, api], []), api, onPrem('container'));
    const second = quoteOnHost(ctxWith([web, api], [dep('d1', 'web', 'container')]), api, onPrem('container'));
    expect(first.overheadDiskGb).toBeCloseTo((BASE_IMAGE_MB.debian + 25) / 1000, 2);
    expect(second.overheadDiskGb).toBeCloseTo(25 / 1000, 2);
    expect(second.startS).toBeLessThan(first.startS);
    // The deadline feels the pull: 3 s is met only with the base already there.
    expect(first.meetsDeadline).toBe(false);
    expect(second.meetsDeadline).toBe(true);
    expect(second.why.some((w) => w.source === 'DL' && w.topic === 'docker')).toBe(true);
    expect(first.why.some((w) => w.source === 'AL' && w.en.includes('not on this host'))).toBe(true);
  });

  it('another base, or a VM beside it, shares nothing', () => {
    const byAlpine = quoteOnHost(ctxWith([web, tool], [dep('d1', 'web', 'container')]), tool, onPrem('container'));
    expect(byAlpine.overheadDiskGb).toBeCloseTo((BASE_IMAGE_MB.alpine + 25) / 1000, 2);
    const besideVm = quoteOnHost(ctxWith([web, api], [dep('d1', 'web', 'vm-full')]), api, onPrem('container'));
    expect(besideVm.overheadDiskGb).toBeCloseTo((BASE_IMAGE_MB.debian + 25) / 1000, 2);
  });

  it('a card without an image keeps the flat model of older packs (a debian-sized image, no pull)', () => {
    const old = card('old');
    const q = quoteOnHost(ctxWith([old], []), old, onPrem('container'));
    expect(q.overheadDiskGb).toBeCloseTo(0.114, 1);
    expect(q.startS).toBe(0.9);
    expect(q.why.some((w) => w.topic === 'docker')).toBe(false);
  });

  it('the final audit does not let a later neighbour make an image "already pulled" after the fact', () => {
    const s = playRace(
      [web, api],
      [
        ['web', 'container'],
        ['api', 'container'],
      ],
      [],
    );
    const deps = s.race!.hosts['player:p']!.deployments;
    expect(deps[0]!.auditPoints).toBe(0);
    expect(deps[1]!.diskGb).toBeLessThan(deps[0]!.diskGb);
  });
});

describe('orchestration', () => {
  const a = card('a', { traffic: 'bursty' });
  const b = card('b', { traffic: 'bursty' });

  it(
    'the first orchestrated workload brings the control plane (2 CPUs, 2 GB, ' + 'its effort); the next ones share it',
    () => {
      const plain = quoteOnHost(ctxWith([a, b], []), a, onPrem('container'));
      const first = quoteOnHost(ctxWith([a, b], []), a, onPrem('orchestrated-container'));
      const second = quoteOnHost(
        ctxWith([a, b], [dep('d1', 'a', 'orchestrated-container')]),
        b,
        onPrem('orchestrated-container'),
      );
      expect(first.cpu - plain.cpu).toBeCloseTo(ORCHESTRATION.controlPlaneCpu, 5);
      expect(first.ramGb - plain.ramGb).toBeCloseTo(ORCHESTRATION.controlPlaneRamGb, 5);
      expect(first.opsHoursPerMonth).toBeGreaterThan(plain.opsHoursPerMonth);
      expect(first.points).toBeLessThan(plain.points);
      expect(second.cpu).toBeCloseTo(plain.cpu, 5);
      expect(second.ramGb).toBeCloseTo(plain.ramGb, 5);
      expect(first.why.some((w) => w.source === 'KA')).toBe(true);
      expect(second.why.some((w) => w.source === 'K8S')).toBe(true);
    },
  );

  it('a node runs at most 110 pods: a pool of one node refuses the 111th, a pool of two takes it', () => {
    const many = card('many', { replicas: 100 });
    const more = card('more', { replicas: 11 });
    const one = quoteOnHost(
      ctxWith([many, more], [dep('d1', 'many', 'orchestrated-container')]),
      more,
      onPrem('orchestrated-container'),
    );
    expect(one.allowed).toBe(true);
    expect(one.fits).toBe(false);
    expect(one.blockers.some((w) => w.source === 'K8S' && w.en.includes('110'))).toBe(true);
    const ten = quoteOnHost(
      ctxWith([many, card('more', { replicas: 10 })], [dep('d1', 'many', 'orchestrated-container')]),
      card('more', { replicas: 10 }),
      onPrem('orchestrated-container'),
    );
    expect(ten.fits).toBe(true);
    const two = quoteOnHost(
      ctxWith([many, more], [dep('d1', 'many', 'orchestrated-container')], { ...LINUX_SERVER, nodes: 2 }),
      more,
      onPrem('orchestrated-container'),
    );
    expect(two.fits).toBe(true);
    // Plain containers have no orchestrator and no pod limit.
    expect(
      quoteOnHost(ctxWith([many, more], [dep('d1', 'many', 'orchestrated-container')]), more, onPrem('container')).fits,
    ).toBe(true);
  });

  it(
    'is a choice on premises only, on a Linux pool (the control plane runs ' + 'on Linux), and a laptop can run one',
    () => {
      expect(legalChoices(a, LINUX_SERVER)).toContainEqual(onPrem('orchestrated-container'));
      expect(legalChoices(a, LINUX_SERVER)).not.toContainEqual({ kind: 'orchestrated-container', placement: 'iaas' });
      const win = card('w', { guestOs: 'windows' });
      expect(legalChoices(win, { ...LINUX_SERVER, os: 'windows' })).not.toContainEqual(
        onPrem('orchestrated-container'),
      );
      expect(legalChoices(a, { ...DESKTOP, os: 'linux' })).toContainEqual(onPrem('orchestrated-container'));
      expect(legalChoices(card('k', { needsCustomKernel: true }), LINUX_SERVER)).not.toContainEqual(
        onPrem('orchestrated-container'),
      );
    },
  );

  it(
    'a traffic spike: the autoscaler scales an orchestrated workload out by ' +
      'itself; a plain container is scaled by hand',
    () => {
      const { deltas } = eventRace(
        [a, b],
        [
          ['a', 'orchestrated-container'],
          ['b', 'container'],
        ],
        'traffic-spike',
      );
      expect(deltas.a).toBe(RACE_POINTS.spikeReward);
      expect(deltas.b).toBe(RACE_POINTS.spikeManualReward);
      expect(deltas.a!).toBeGreaterThan(deltas.b!);
    },
  );

  it(
    'a hardware failure on a pool of nodes: orchestrated pods are restarted ' +
      'elsewhere within minutes, the rest waits for the repair',
    () => {
      const cards = ['o1', 'c1', 'o2', 'c2', 'o3', 'c3'].map((id) => card(id));
      const kinds = cards.map(
        (c) => [c.id, c.id.startsWith('o') ? 'orchestrated-container' : 'container'] as [string, DeployKind],
      );
      // Two nodes: deployments sit on nodes 0, 1, 0, 1, ... so each node holds orchestrated and plain ones.
      const { state, event } = eventRace(
        cards,
        [kinds[0]!, kinds[2]!, kinds[1]!, kinds[3]!, kinds[4]!, kinds[5]!],
        'hardware-failure',
        { ...LINUX_SERVER, nodes: 2, ramGb: 256 },
      );
      const deps = state.race!.hosts['player:p']!.deployments;
      const hit = deps.filter((d) => event.affected.includes(d.id));
      expect(hit.length).toBe(3);
      for (const d of hit) {
        const minutes =
          d.choice.kind === 'orchestrated-container' ? DOWNTIME_MIN.podReschedule : DOWNTIME_MIN.hardwareFailure;
        expect(d.downtimeMin).toBeCloseTo(minutes, 5);
        expect(d.down).toBe(true);
      }
      for (const d of deps.filter((x) => !event.affected.includes(x.id))) expect(d.down).toBe(false);
      expect(event.why[0]!.source).toBe('K8T');
    },
  );

  it('a hardware failure on a single node: the orchestrator has nowhere to restart the pods', () => {
    const o = card('o');
    const { state } = eventRace([o], [['o', 'orchestrated-container']], 'hardware-failure');
    const d = state.race!.hosts['player:p']!.deployments[0]!;
    expect(d.downtimeMin).toBeCloseTo(DOWNTIME_MIN.hardwareFailure, 5);
    expect(d.eventPoints).toBe(-RACE_POINTS.hardwareFailurePenalty);
  });

  it(
    'patch day: with two nodes or more the orchestrator reboots one node at ' +
      'a time and its pods stay up; every image is rebuilt',
    () => {
      const o = card('o');
      const c = card('c');
      const sb = card('sb');
      const pool = eventRace(
        [o, c, sb],
        [
          ['o', 'orchestrated-container'],
          ['c', 'container'],
          ['sb', 'sandboxed-container'],
        ],
        'patch-day',
        { ...LINUX_SERVER, nodes: 2 },
      );
      const deps = pool.state.race!.hosts['player:p']!.deployments;
      expect(deps.find((d) => d.cardId === 'o')!.down).toBe(false);
      expect(deps.find((d) => d.cardId === 'c')!.down).toBe(true);
      expect(pool.deltas.sb).toBe(-RACE_POINTS.patchPerImage);
      const single = eventRace([o], [['o', 'orchestrated-container']], 'patch-day');
      expect(single.state.race!.hosts['player:p']!.deployments[0]!.down).toBe(true);
    },
  );

  it('is deterministic: the same race, the same failed node', () => {
    const cards = ['x1', 'x2', 'x3'].map((id) => card(id));
    const plan = cards.map((c) => [c.id, 'orchestrated-container'] as [string, DeployKind]);
    const spec = { ...LINUX_SERVER, nodes: 3 };
    expect(eventRace(cards, plan, 'hardware-failure', spec).event).toEqual(
      eventRace(cards, plan, 'hardware-failure', spec).event,
    );
  });
});

// ---------------------------------------------------------------- helpers

function raceConfig(cards: WorkloadCard[], events: Array<{ kind: RaceEventKind; atS: number }>, spec: HostSpec) {
  return config('solo', {
    content: {
      questions: [],
      cards: cards.map((c) => ({ ...c, arrivesAtS: 0 })),
      scenarios: [
        {
          id: 's',
          title: 's',
          description: 's',
          host: spec,
          deck: cards.map((c) => c.id),
          events,
          randomEvents: 0,
          lengthS: 60,
        },
      ],
    },
    rounds: [{ kind: 'race', scenarioId: 's' }],
  });
}

function deployAll(
  cards: WorkloadCard[],
  plan: Array<[string, DeployKind]>,
  events: Array<{ kind: RaceEventKind; atS: number }>,
  spec: HostSpec,
): GameState {
  let s: GameState = createGame(raceConfig(cards, events, spec), 'images');
  s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: 'p', name: 'P' }).state;
  s = next(s, { type: 'start', actor: { role: 'player', playerId: 'p' }, at: 0 }).state;
  for (const [cardId, kind] of plan) {
    const r = next(s, {
      type: 'deploy',
      actor: { role: 'player', playerId: 'p' },
      at: 1,
      cardId,
      choice: onPrem(kind),
    });
    expect(r.events.find((e) => e.type === 'error')).toBeUndefined();
    s = r.state;
  }
  return s;
}

/** Deploys, then plays the race to its end (the final audit included). */
function playRace(
  cards: WorkloadCard[],
  plan: Array<[string, DeployKind]>,
  events: Array<{ kind: RaceEventKind; atS: number }>,
  spec = LINUX_SERVER,
): GameState {
  const s = deployAll(cards, plan, events, spec);
  return next(s, { type: 'tick', actor: { role: 'system' }, at: 60_000 }).state;
}

/** Deploys, fires one event at 10 s, and returns each card's event delta (by card id) and the race event. */
function eventRace(cards: WorkloadCard[], plan: Array<[string, DeployKind]>, kind: RaceEventKind, spec = LINUX_SERVER) {
  const s = deployAll(cards, plan, [{ kind, atS: 10 }], spec);
  const r = next(s, { type: 'tick', actor: { role: 'system' }, at: 10_000 });
  const event = r.events.find((e) => e.type === 'race-event') as Extract<GameEvent, { type: 'race-event' }>;
  const deltas: Record<string, number> = {};
  for (const e of event.effects) deltas[e.cardId] = (deltas[e.cardId] ?? 0) + e.delta;
  // The event's time scale: game seconds per real minute, for readers of downtimeMin.
  void GAME_TIME_SCALE;
  return { state: r.state, event, deltas };
}
