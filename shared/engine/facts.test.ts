// One test per fact of the sources table (docs/FACTS.md): the engine's output respects each, orderings included;
// then the citation rule: a "why" cites a row only for a number that row gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, legalChoices, next, quoteOnHost } from './index.js';
import type { DeployChoice, DeployKind, FactTag, GameEvent, GameState, WorkloadCard, Why } from './index.js';
import { FACTS, factById } from './race/facts.js';
import { card, config, DESKTOP, LINUX_SERVER } from './testing/fixtures.js';
import type { HostContext } from './race/quote.js';

const empty = (spec = LINUX_SERVER): HostContext => ({ spec, deployments: [], cards: {} });
const onPrem = (kind: DeployKind): DeployChoice => ({ kind, placement: 'on-prem' });
const q = (c: WorkloadCard, kind: DeployKind, spec = LINUX_SERVER) => quoteOnHost(empty(spec), c, onPrem(kind));
const app = card('app');

/** Runs the fixture race with one deployment per kind listed, then fires one event; returns its score events. */
function eventOutcome(
  kinds: DeployKind[],
  event: 'kernel-cve' | 'noisy-neighbour',
  cardPatch: Partial<WorkloadCard> = {},
) {
  const cards = kinds.map((k, i) => card(`c${i}`, { ...cardPatch, arrivesAtS: 0 }));
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
          deck: cards.map((c) => c.id),
          events: [{ kind: event, atS: 10 }],
          randomEvents: 0,
          lengthS: 60,
        },
      ],
    },
    rounds: [{ kind: 'race', scenarioId: 's' }],
  });
  let s: GameState = createGame(cfg, 'facts');
  s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: 'p', name: 'P' }).state;
  s = next(s, { type: 'start', actor: { role: 'player', playerId: 'p' }, at: 0 }).state;
  kinds.forEach((kind, i) => {
    const r = next(s, {
      type: 'deploy',
      actor: { role: 'player', playerId: 'p' },
      at: 1,
      cardId: `c${i}`,
      choice: onPrem(kind),
    });
    expect(r.events.find((e) => e.type === 'error')).toBeUndefined();
    s = r.state;
  });
  const r = next(s, { type: 'tick', actor: { role: 'system' }, at: 10_000 });
  const ev = r.events.find((e) => e.type === 'race-event') as Extract<GameEvent, { type: 'race-event' }>;
  const deps = r.state.race!.hosts['player:p']!.deployments;
  const lossByKind: Partial<Record<DeployKind, number>> = {};
  // Score changes come in the order of the event's affected list.
  ev.affected.forEach((id, i) => {
    const dep = deps.find((d) => d.id === id)!;
    const change = r.events.filter((e) => e.type === 'score')[i] as Extract<GameEvent, { type: 'score' }>;
    lossByKind[dep.choice.kind] = change.change.delta;
  });
  return { affectedKinds: ev.affected.map((id) => deps.find((d) => d.id === id)!.choice.kind), lossByKind };
}

describe('the facts the engine must respect (docs/FACTS.md)', () => {
  it('1. containers share the host kernel: a kernel CVE reaches every container, not VMs or sandboxes', () => {
    const { affectedKinds } = eventOutcome(
      ['container', 'container', 'vm-full', 'microvm', 'sandboxed-container'],
      'kernel-cve',
    );
    expect(affectedKinds).toEqual(['container', 'container']);
    const untrusted = eventOutcome(['container', 'container'], 'kernel-cve', { trust: 'untrusted' });
    const trusted = eventOutcome(['container', 'container'], 'kernel-cve');
    expect(untrusted.lossByKind.container!).toBeLessThan(trusted.lossByKind.container!);
  });

  it('2. VMs are not immune: a full VM isolates less than perfectly', () => {
    expect(q(app, 'vm-full').isolation).toBeLessThan(100);
    expect(q(app, 'vm-full').isolation).toBeGreaterThan(q(app, 'container').isolation);
  });

  it('3. microVMs shrink the attack surface: they isolate better than a full VM', () => {
    expect(q(app, 'microvm').isolation).toBeGreaterThan(q(app, 'vm-full').isolation);
  });

  it('4. CPU: containers about native, an untuned VM about 17% slower', () => {
    expect(q(app, 'container').perf.cpu).toBe(1);
    expect(q(app, 'vm-full').perf.cpu).toBeCloseTo(0.83, 2);
    expect(q(app, 'vm-full').cpu).toBeGreaterThan(q(app, 'container').cpu);
  });

  it('5. VMs pay mainly on I/O: half the random IOPS, +80% latency', () => {
    const vm = q(app, 'vm-full').perf;
    expect(vm.randomIo).toBe(0.5);
    expect(vm.randomIo).toBeLessThan(vm.cpu);
    expect(vm.netLatency).toBeCloseTo(1.8, 5);
  });

  it('6. para-virtualization beats full virtualization on I/O, and needs a modifiable guest kernel', () => {
    const io = card('io', { profile: 'io' });
    expect(q(io, 'vm-para').perf.randomIo).toBeGreaterThan(q(io, 'vm-full').perf.randomIo);
    expect(q(io, 'vm-para').efficiency).toBeGreaterThan(q(io, 'vm-full').efficiency);
    const win = card('win', { guestOs: 'windows', modifiableKernel: false });
    expect(q(win, 'vm-para').allowed).toBe(false);
    expect(q(win, 'vm-para').blockers[0]!.topic).toBe('para-virt');
  });

  it('7. Type 1 is at least as fast as Type 2', () => {
    const t1 = q(app, 'vm-full').perf;
    const t2 = quoteOnHost(empty(DESKTOP), card('d', { guestOs: 'linux' }), onPrem('vm-type2')).perf;
    expect(t1.cpu).toBeGreaterThanOrEqual(t2.cpu);
    expect(t1.randomIo).toBeGreaterThanOrEqual(t2.randomIo);
  });

  it('8. a noisy neighbour costs VMs 2-4%, containers more, co-installed programs most', () => {
    const mixed = eventOutcome(['traditional', 'traditional', 'container', 'vm-full', 'vm-full'], 'noisy-neighbour');
    const loss = mixed.lossByKind;
    expect(-loss['vm-full']!).toBeLessThan(-loss.container!);
    expect(-loss.container!).toBeLessThan(-loss.traditional!);
    // The VM's loss is 2-4% of the worst case (a native co-located program).
    const share = loss['vm-full']! / loss.traditional!;
    expect(share).toBeGreaterThanOrEqual(0.02);
    expect(share).toBeLessThanOrEqual(0.04);
  });

  it('9. density is limited by RAM: a VM carries a 0.5-2 GB guest OS, a microVM or container a few MB', () => {
    const vm = q(app, 'vm-full').overheadRamGb;
    expect(vm).toBeGreaterThanOrEqual(0.5);
    expect(vm).toBeLessThanOrEqual(2);
    expect(q(app, 'container').overheadRamGb).toBeLessThan(0.01);
    expect(q(app, 'microvm').overheadRamGb).toBeLessThan(0.05);
    const small = card('small', { cpu: 0.1, ramGb: 0.25, diskGb: 1 });
    const fit = (kind: DeployKind) => Math.floor(LINUX_SERVER.ramGb / q(small, kind).ramGb);
    expect(fit('container')).toBeGreaterThan(fit('microvm'));
    expect(fit('microvm')).toBeGreaterThan(fit('vm-full'));
  });

  it('10. a Windows workload cannot be a container on a Linux host; a VM can run any guest OS', () => {
    const win = card('win', { guestOs: 'windows', modifiableKernel: false });
    expect(q(win, 'container').allowed).toBe(false);
    expect(q(win, 'sandboxed-container').allowed).toBe(false);
    expect(q(win, 'vm-full').allowed).toBe(true);
    expect(legalChoices(win, LINUX_SERVER)).toContainEqual(onPrem('vm-full'));
  });

  it('11. a container does not always start faster than a microVM; a full VM starts far slower than either', () => {
    expect(q(app, 'microvm').startS).toBeLessThan(q(app, 'container').startS);
    expect(q(app, 'vm-full').startS).toBeGreaterThan(5 * q(app, 'container').startS);
  });

  it('12. mixing sensitivities on one host kernel costs isolation (NIST SP 800-190)', () => {
    const secret = card('secret', { sensitivity: 'confidential' });
    const pub = card('pub', { sensitivity: 'public' });
    const neighbour = {
      id: 'd1',
      cardId: 'pub',
      playerId: 'x',
      hostId: 'h',
      choice: onPrem('container'),
      at: 0,
      readyAt: 0,
      cpu: 1,
      ramGb: 1,
      diskGb: 1,
      points: 0,
      auditPoints: 0,
      eventPoints: 0,
      down: false,
      layer: 'infrastructure' as const,
    };
    const alone = quoteOnHost(empty(), secret, onPrem('container'));
    const mixed = quoteOnHost(
      { spec: LINUX_SERVER, deployments: [neighbour], cards: { pub } },
      secret,
      onPrem('container'),
    );
    expect(mixed.isolation).toBeLessThan(alone.isolation);
    expect(mixed.why.some((w) => w.source === '190')).toBe(true);
    const inVm = quoteOnHost(
      { spec: LINUX_SERVER, deployments: [neighbour], cards: { pub } },
      secret,
      onPrem('vm-full'),
    );
    expect(inVm.why.some((w) => w.source === '190')).toBe(false);
  });

  it('13. in every service model the customer keeps its data, configuration and identities', () => {
    const office = card('office', { saasAvailable: true });
    const saas = quoteOnHost(empty(), office, { kind: 'container', placement: 'saas' });
    expect(saas.allowed).toBe(true);
    expect(saas.why.some((w) => w.source === 'MS' && /data/.test(w.en))).toBe(true);
  });

  it('14. images share layers: a container on a base already on the host pulls only its own layers', () => {
    const img = (id: string) => card(id, { image: { base: 'ubuntu', ownMb: 20 } });
    const first = q(img('a'), 'container');
    const neighbour = {
      id: 'd1',
      cardId: 'a',
      playerId: 'x',
      hostId: 'h',
      choice: onPrem('container'),
      at: 0,
      readyAt: 0,
      cpu: 1,
      ramGb: 1,
      diskGb: 1,
      points: 0,
      auditPoints: 0,
      eventPoints: 0,
      down: false,
      layer: 'infrastructure' as const,
    };
    const second = quoteOnHost(
      { spec: LINUX_SERVER, deployments: [neighbour], cards: { a: img('a') } },
      img('b'),
      onPrem('container'),
    );
    expect(first.overheadDiskGb - second.overheadDiskGb).toBeCloseTo(0.064, 2);
    expect(second.startS).toBeLessThan(first.startS);
  });

  it(
    '15. an orchestrator costs a control plane (2 CPUs, 2 GB) and restarts ' +
      'pods elsewhere only where there is another node',
    () => {
      const plain = q(app, 'container');
      const orch = q(app, 'orchestrated-container');
      expect(orch.cpu - plain.cpu).toBe(2);
      expect(orch.ramGb - plain.ramGb).toBe(2);
      expect(orch.why.some((w) => w.topic === 'orchestration' && /single node/.test(w.en))).toBe(true);
      expect(
        quoteOnHost(empty({ ...LINUX_SERVER, nodes: 2 }), app, onPrem('orchestrated-container')).why.some((w) =>
          /single node/.test(w.en),
        ),
      ).toBe(false);
    },
  );
});

describe('the rules of the design', () => {
  it('residency forbids leaving the premises', () => {
    const c = card('r', { residency: 'on-prem' });
    for (const placement of ['iaas', 'paas', 'saas'] as const)
      expect(quoteOnHost(empty(), c, { kind: 'vm-full', placement }).allowed).toBe(false);
  });
  it('PaaS and SaaS give no OS control and no custom kernel', () => {
    expect(
      quoteOnHost(empty(), card('a', { needsOsControl: true }), { kind: 'container', placement: 'paas' }).allowed,
    ).toBe(false);
    expect(
      quoteOnHost(empty(), card('b', { needsCustomKernel: true }), { kind: 'container', placement: 'paas' }).allowed,
    ).toBe(false);
    expect(quoteOnHost(empty(), card('c', { needsCustomKernel: true }), onPrem('container')).allowed).toBe(false);
    expect(
      quoteOnHost(empty(), card('d', { saasAvailable: false }), { kind: 'container', placement: 'saas' }).allowed,
    ).toBe(false);
  });
  it('Type 2 only on a desktop host, Type 1 kinds only on a server', () => {
    expect(q(app, 'vm-type2').allowed).toBe(false);
    expect(
      quoteOnHost(empty(DESKTOP), card('w', { guestOs: 'windows', modifiableKernel: false }), onPrem('vm-full'))
        .allowed,
    ).toBe(false);
    expect(quoteOnHost(empty(DESKTOP), card('w', { guestOs: 'linux' }), onPrem('vm-type2')).allowed).toBe(true);
  });
  it('a deployment must fit the free capacity', () => {
    const big = card('big', { ramGb: 63 });
    expect(q(big, 'container').fits).toBe(true);
    expect(q(big, 'vm-full').fits).toBe(false);
    expect(q(big, 'vm-full').allowed).toBe(true);
  });
  it('every quote explains itself in both languages and names a topic', () => {
    for (const kind of ['traditional', 'container', 'sandboxed-container', 'microvm', 'vm-full', 'vm-para'] as const)
      for (const w of [...q(app, kind).why, ...q(app, kind).blockers])
        expect(w.ko.length * w.en.length * w.topic.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- the sources table and the citation rule

type Quantity = { lo: number; hi: number; unit: string };

/**
 * Numbers with their units as a "why" states them, normalised (seconds, MB, ratio `x`); identifiers are not numbers.
 */
function quantities(text: string): Quantity[] {
  const clean = text
    .replace(/CVE-\d{4}-\d+/g, ' ')
    .replace(/SP \d+-\d+/g, ' ')
    .replace(/(Type|타입) \d/g, ' ')
    .replace(/SPECweb\d+/g, ' ');
  const re =
    /(\d+(?:\.\d+)?)(?:\s*[-–]\s*(\d+(?:\.\d+)?))?\s*(ms|MiB|MB|GB|Gbps|GFLOPS|min|분|초|s\b|%|x\b|배|us\b|µs)?/g;
  const scale: Record<string, [number, string]> = {
    ms: [0.001, 's'],
    s: [1, 's'],
    초: [1, 's'],
    min: [60, 's'],
    분: [60, 's'],
    us: [1e-6, 's'],
    µs: [1e-6, 's'],
    MiB: [1, 'MB'],
    MB: [1, 'MB'],
    GB: [1000, 'MB'],
    '%': [1, '%'],
    x: [1, 'x'],
    배: [1, 'x'],
    Gbps: [1, 'Gbps'],
    GFLOPS: [1, 'GFLOPS'],
    '': [1, ''],
  };
  const out: Quantity[] = [];
  for (const m of clean.matchAll(re)) {
    const [f, unit] = scale[m[3] ?? '']!;
    const lo = Number(m[1]) * f;
    out.push({ lo, hi: m[2] ? Number(m[2]) * f : lo, unit });
  }
  return out;
}

function factQuantities(id: string): Quantity[] {
  return (factById(id)?.numbers ?? []).flatMap((n) =>
    quantities(`${n.min}${n.max !== undefined ? `-${n.max}` : ''} ${n.unit}`.trim()).slice(0, 1),
  );
}

/**
 * What is wrong with a "why"'s citation: a tag the sources table lacks, or a number the cited row does not give
 * (2% tolerance, a range inside the row's range). GUESS cites the game's own estimate and needs no number check.
 * `own`: numbers that are the card's (its start requirement), not a source's.
 */
function citationProblems(w: Why, own: number[] = []): string[] {
  if (!w.source) return [];
  const fact = factById(w.source);
  if (!fact) return [`${w.source}: not in the sources table (${w.en})`];
  if (w.source === 'GUESS') return [];
  const given = factQuantities(w.source);
  const problems: string[] = [];
  for (const text of [w.en, w.ko])
    for (const q of quantities(text)) {
      if (q.unit === 's' && own.some((o) => Math.abs(q.lo - o) <= 0.02 * o && q.hi === q.lo)) continue;
      const ok = given.some((g) => g.unit === q.unit && q.lo >= g.lo * 0.98 && q.hi <= g.hi * 1.02);
      if (!ok) problems.push(`[${w.source}] gives no ${q.lo}${q.hi !== q.lo ? `-${q.hi}` : ''} ${q.unit}: "${text}"`);
    }
  return problems;
}

/** Every "why" the race can show: quotes and blockers of every choice on every kind of host, and every event's. */
function everyWhy(): Array<{ why: Why; own: number[] }> {
  const out: Array<{ why: Why; own: number[] }> = [];
  const hosts = [
    LINUX_SERVER,
    DESKTOP,
    { ...LINUX_SERVER, os: 'windows' as const },
    { ...DESKTOP, os: 'linux' as const },
  ];
  // Deadlines far below and far above every start time, so both start lines are made.
  for (const startDeadlineS of [0.05, 5000])
    for (const image of [undefined, { base: 'alpine', ownMb: 40 }, { base: 'debian', ownMb: 0 }] as const)
      for (const guestOs of ['linux', 'windows'] as const)
        for (const trust of ['trusted', 'untrusted'] as const)
          for (const host of hosts) {
            const c = card('w', {
              guestOs,
              trust,
              startDeadlineS,
              saasAvailable: true,
              modifiableKernel: guestOs === 'linux',
              residency: trust === 'untrusted' ? 'on-prem' : 'any',
              ...(image ? { image } : {}),
            });
            const pub = card('pub', { sensitivity: 'public', image: { base: 'alpine', ownMb: 10 } });
            const neighbour = {
              id: 'd1',
              cardId: 'pub',
              playerId: 'x',
              hostId: 'h',
              choice: onPrem('container'),
              at: 0,
              readyAt: 0,
              cpu: 1,
              ramGb: 1,
              diskGb: 1,
              points: 0,
              auditPoints: 0,
              eventPoints: 0,
              down: false,
              layer: 'infrastructure' as const,
            };
            for (const placement of ['on-prem', 'iaas', 'paas', 'saas'] as const)
              for (const kind of [
                'traditional',
                'container',
                'sandboxed-container',
                'microvm',
                'vm-full',
                'vm-para',
                'vm-type2',
                'orchestrated-container',
              ] as const) {
                const quote = quoteOnHost({ spec: host, deployments: [neighbour], cards: { pub } }, c, {
                  kind,
                  placement,
                });
                for (const why of [...quote.why, ...quote.blockers]) out.push({ why, own: [startDeadlineS] });
              }
          }
  const kinds = [
    'container',
    'sandboxed-container',
    'microvm',
    'vm-full',
    'vm-para',
    'traditional',
    'orchestrated-container',
    'orchestrated-container',
  ] as const;
  for (const event of ['kernel-cve', 'traffic-spike', 'noisy-neighbour', 'hardware-failure', 'patch-day'] as const)
    for (const guestOs of ['linux', 'windows'] as const)
      for (const trust of ['trusted', 'untrusted'] as const) {
        const cards = [
          ...kinds.map((kind, i) => ({
            c: card(`k${i}`, {
              arrivesAtS: 0,
              traffic: 'bursty',
              trust,
              guestOs: kind === 'vm-full' ? guestOs : 'linux',
              modifiableKernel: true,
              image: { base: 'alpine', ownMb: 30 },
            }),
            choice: onPrem(kind),
          })),
          ...(['iaas', 'paas'] as const).map((placement, i) => ({
            c: card(`p${i}`, { arrivesAtS: 0, traffic: 'bursty', guestOs }),
            choice: { kind: 'vm-full' as const, placement },
          })),
          { c: card('t2', { arrivesAtS: 0, traffic: 'bursty', guestOs }), choice: onPrem('vm-type2') },
        ];
        for (const host of [LINUX_SERVER, { ...LINUX_SERVER, nodes: 2 }, { ...DESKTOP, os: 'linux' as const }]) {
          const playable = cards.filter(({ c, choice }) => quoteOnHost(empty(host), c, choice).allowed);
          const cfg = config('solo', {
            content: {
              questions: [],
              cards: playable.map((x) => x.c),
              scenarios: [
                {
                  id: 's',
                  title: 's',
                  description: 's',
                  host: { ...host, ramGb: 512, cores: 128 },
                  deck: playable.map((x) => x.c.id),
                  events: [{ kind: event, atS: 10 }],
                  randomEvents: 0,
                  lengthS: 60,
                },
              ],
            },
            rounds: [{ kind: 'race', scenarioId: 's' }],
          });
          let s: GameState = createGame(cfg, 'cite');
          s = next(s, { type: 'join', actor: { role: 'system' }, at: 0, playerId: 'p', name: 'P' }).state;
          s = next(s, { type: 'start', actor: { role: 'player', playerId: 'p' }, at: 0 }).state;
          for (const { c, choice } of playable) {
            const r = next(s, {
              type: 'deploy',
              actor: { role: 'player', playerId: 'p' },
              at: 1,
              cardId: c.id,
              choice,
            });
            expect(r.events.find((e) => e.type === 'error')).toBeUndefined();
            s = r.state;
          }
          for (const e of next(s, { type: 'tick', actor: { role: 'system' }, at: 60_000 }).events) {
            if (e.type === 'race-event') for (const why of e.why) out.push({ why, own: [] });
            if (e.type === 'score') for (const why of e.change.why) out.push({ why, own: [] });
          }
        }
      }
  return out;
}

describe('the sources table (facts.ts, docs/FACTS.md)', () => {
  it('has a row for every source tag, each with a reference, and a claim in both languages', () => {
    const tags: FactTag[] = [
      'F',
      'FC',
      'FCS',
      'X',
      'G',
      'GV',
      'K',
      'DS',
      'DP',
      'MH',
      'PH',
      'AL',
      'WS',
      'WR',
      'UB',
      'K8S',
      'KA',
      'K8T',
      'DL',
      'SO',
      'CVE1',
      'CVE2',
      'VEN',
      'MS',
      'NIST',
      '190',
      'GUESS',
    ];
    expect(FACTS.map((f) => f.id).sort()).toEqual([...tags].sort());
    for (const f of FACTS) {
      expect(f.ref.length * f.claim.en.length * f.claim.ko.length).toBeGreaterThan(0);
      if (f.url) expect(f.url).toMatch(/^https:\/\//);
      // Every number a row lists is in its claim, so a student who opens the citation reads the figure cited.
      const said = [...quantities(f.claim.en), ...quantities(f.claim.ko)];
      const stated = (v: number, unit: string) =>
        said.some((q) => (q.unit === unit || q.unit === '') && [q.lo, q.hi].some((x) => Math.abs(x - v) <= 0.001 * v));
      for (const g of factQuantities(f.id)) {
        expect(stated(g.lo, g.unit), `${f.id} ${g.lo} ${g.unit}`).toBe(true);
        expect(stated(g.hi, g.unit), `${f.id} ${g.hi} ${g.unit}`).toBe(true);
      }
    }
  });

  it('docs/FACTS.md lists every row of the table', () => {
    const doc = readFileSync(new URL('../../docs/FACTS.md', import.meta.url), 'utf8');
    for (const f of FACTS) expect(doc, f.id).toContain(`[${f.id}]`);
  });

  it('the citation check catches a guess cited as a fact, and a tag the table lacks', () => {
    // The old Windows boot line: 45 s is the game's guess, [DP] measured a Linux VM's 7-9 s.
    expect(
      citationProblems({
        topic: 'vm',
        en: 'Adding a VM meant booting a guest OS (45 s).',
        ko: '게스트 OS 부팅(45초)이 걸렸습니다.',
        source: 'DP',
      }),
    ).not.toEqual([]);
    expect(
      citationProblems({
        topic: 'vm',
        en: 'Adding a VM meant booting a guest OS (45 s).',
        ko: '게스트 OS 부팅(45초)이 걸렸습니다.',
        source: 'GUESS',
      }),
    ).toEqual([]);
    expect(
      citationProblems({
        topic: 'vm',
        en: 'A stock Linux VM boots in 8 s.',
        ko: '리눅스 VM은 8초에 부팅합니다.',
        source: 'DP',
      }),
    ).toEqual([]);
    expect(citationProblems({ topic: 'vm', en: 'x', ko: 'x', source: 'NOPE' as FactTag })).not.toEqual([]);
  });

  it('every "why" the race shows cites a source only for a number that row gives, and only rows the table has', () => {
    const problems = new Set<string>();
    const all = everyWhy();
    expect(all.length).toBeGreaterThan(500);
    for (const { why, own } of all) for (const p of citationProblems(why, own)) problems.add(p);
    expect([...problems]).toEqual([]);
    // The start lines of guessed start times say so (the client shows them as the game's estimate).
    const winBoot = quoteOnHost(empty(), card('w', { guestOs: 'windows', modifiableKernel: false }), onPrem('vm-full'));
    expect(winBoot.why.find((w) => w.topic === 'choosing')?.source).toBe('GUESS');
    const paas = quoteOnHost(empty(), app, { kind: 'container', placement: 'paas' });
    expect(paas.why.find((w) => w.topic === 'choosing')?.source).toBe('GUESS');
  });
});

describe('the parameter table cites its sources', () => {
  it(
    'every number in params.ts cites a row of the sources table or says ' +
      'GUESS (on its line or in the comment above)',
    () => {
      const lines = readFileSync(new URL('./race/params.ts', import.meta.url), 'utf8').split('\n');
      const cites = (text: string) =>
        /GUESS/.test(text) || [...text.matchAll(/\[([A-Z0-9]+)\]/g)].some((m) => factById(m[1]!) !== undefined);
      const isComment = (l: string) => /^\s*(\/\/|\/\*\*|\*)/.test(l);
      const uncited: string[] = [];
      lines.forEach((line, i) => {
        if (isComment(line) || !/(:|=)\s*-?\d/.test(line.split('//')[0]!)) return;
        if (line.includes('//') && cites(line.slice(line.indexOf('//')))) return;
        /** The comment that ends at or just above line `from` (a property's own, or a block's header). */
        const commentAbove = (from: number): string => {
          let j = from;
          while (j >= 0 && !isComment(lines[j]!) && !lines[j]!.includes('//')) j--;
          const comment: string[] = [];
          for (let k = j; k >= 0 && (isComment(lines[k]!) || (k === j && lines[k]!.includes('//'))); k--)
            comment.push(lines[k]!);
          return comment.join(' ');
        };
        // The block's header ("All GUESS") covers its properties.
        let head = i;
        while (head >= 0 && !/^export const/.test(lines[head]!)) head--;
        if (!cites(commentAbove(i - 1)) && !(head >= 0 && cites(commentAbove(head - 1))))
          uncited.push(`${i + 1}: ${line.trim()}`);
      });
      expect(uncited).toEqual([]);
    },
  );
});
