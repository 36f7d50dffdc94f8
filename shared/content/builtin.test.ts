// Coverage and consistency tests for the built-in content (the bilingual bank and the eight packs).
import { describe, expect, it } from 'vitest';
import { legalChoices, quoteOnHost } from '../engine/index.js';
import {
  QUESTION_TYPES,
  TOPICS,
  type HostSpec,
  type Question,
  type RaceEventKind,
  type TopicId,
  type WorkloadCard,
} from '../engine/types.js';
import { ALL_CARDS, ALL_QUESTIONS, ALL_SCENARIOS } from './bank/index.js';
import { BUILTIN_PACKS, builtinPack } from './builtin.js';
import type { GamePack } from './pack.js';

const MIN_QUESTIONS = 80;
const MIN_PER_TYPE = 8;
const MIN_PER_TOPIC = 4;
const MIN_CARDS = 40;
const MIN_SCENARIOS = 8;

const HANGUL = /[\uac00-\ud7a3]/;

/** Topics a race event exercises (the engine's events teach these). */
const EVENT_TOPICS: Record<RaceEventKind, TopicId[]> = {
  'kernel-cve': ['container'],
  'traffic-spike': ['orchestration', 'container'],
  'noisy-neighbour': ['traditional'],
  'hardware-failure': ['on-prem'],
  'patch-day': ['vm'],
};

const pack = (id: string): GamePack => {
  const p = builtinPack(id);
  if (!p) throw new Error(`missing pack ${id}`);
  return p;
};

/** A question with its texts removed: what must be identical between languages. */
function questionKey(q: Question): unknown {
  const base = { id: q.id, type: q.type, topic: q.topic, timeLimitS: q.timeLimitS, note: q.note !== undefined };
  switch (q.type) {
    case 'single':
    case 'multi':
      return { ...base, n: q.options.length, correct: q.correct };
    case 'truefalse':
      return { ...base, correct: q.correct };
    case 'ordering':
      return { ...base, n: q.items.length };
    case 'matching':
      return { ...base, l: q.left.length, r: q.right.length, pairs: q.pairs };
    case 'numeric':
      return { ...base, correct: q.correct, tolerance: q.tolerance, unit: q.unit !== undefined };
  }
}
const texts = (q: Question): string[] => {
  const all = [q.prompt, q.explanation, ...(q.note ? [q.note] : [])];
  switch (q.type) {
    case 'single':
    case 'multi':
      return [...all, ...q.options];
    case 'ordering':
      return [...all, ...q.items];
    case 'matching':
      return [...all, ...q.left, ...q.right];
    case 'numeric':
      return [...all, ...(q.unit ? [q.unit] : [])];
    default:
      return all;
  }
};
const stripCard = ({ title: _t, description: _d, ...rest }: WorkloadCard): unknown => rest;

/** Quotes of every legal choice for a card alone on an empty host (the engine's own rules and costs). */
function quotesOnEmptyHost(card: WorkloadCard, host: HostSpec) {
  const ctx = { spec: host, deployments: [], cards: {} };
  return legalChoices(card, host).map((choice) => quoteOnHost(ctx, card, choice));
}

describe('built-in packs', () => {
  it('has ten packs: course, course2, warmup, team and daily in ko and en', () => {
    expect(BUILTIN_PACKS).toHaveLength(10);
    for (const lang of ['ko', 'en'] as const) {
      for (const kind of ['course', 'course2', 'warmup', 'team', 'daily']) {
        const p = pack(`${kind}-${lang}`);
        expect(p.format).toBe('hostrush-pack');
        expect(p.formatVersion).toBe(1);
        expect(p.meta.language).toBe(lang);
        expect(p.meta.author).toBe('HostRush');
        expect(p.meta.version).toBe('1.0.0');
        expect(p.meta.title.length).toBeGreaterThan(0);
        expect(p.meta.description.length).toBeGreaterThan(0);
      }
    }
    expect(builtinPack('nope')).toBeUndefined();
  });

  it('ko and en packs have identical structure (ids, answer keys, cards, scenarios, rounds)', () => {
    for (const kind of ['course', 'course2', 'warmup', 'team', 'daily']) {
      const ko = pack(`${kind}-ko`);
      const en = pack(`${kind}-en`);
      expect(ko.questions.map(questionKey)).toEqual(en.questions.map(questionKey));
      expect(ko.cards.map(stripCard)).toEqual(en.cards.map(stripCard));
      expect(ko.scenarios.map(({ title: _t, description: _d, ...s }) => s)).toEqual(
        en.scenarios.map(({ title: _t, description: _d, ...s }) => s),
      );
      expect(ko.rounds).toEqual(en.rounds);
    }
  });

  it('writes Korean in ko packs and English in en packs, with no empty text', () => {
    for (const p of BUILTIN_PACKS) {
      const all = [
        ...p.questions.flatMap(texts),
        ...p.cards.flatMap((c) => [c.title, c.description]),
        ...p.scenarios.flatMap((s) => [s.title, s.description]),
        p.meta.title,
        p.meta.description,
      ];
      for (const t of all) expect(t.trim().length, `${p.meta.id}: empty text`).toBeGreaterThan(0);
      const prose = [
        ...p.questions.flatMap((q) => [q.prompt, q.explanation]),
        ...p.cards.map((c) => c.description),
        ...p.scenarios.map((s) => s.description),
      ];
      for (const t of prose) expect(HANGUL.test(t), `${p.meta.id}: ${t}`).toBe(p.meta.language === 'ko');
    }
  });

  it('every round reference resolves and every deck card is in the pack', () => {
    for (const p of BUILTIN_PACKS) {
      const qs = new Set(p.questions.map((q) => q.id));
      const ss = new Set(p.scenarios.map((s) => s.id));
      const cs = new Set(p.cards.map((c) => c.id));
      expect(p.rounds.length).toBeGreaterThan(0);
      for (const r of p.rounds) {
        if (r.kind === 'quiz') {
          expect(r.questionIds.length).toBeGreaterThan(0);
          expect(new Set(r.questionIds).size).toBe(r.questionIds.length);
          for (const id of r.questionIds) expect(qs.has(id), `${p.meta.id}: question ${id}`).toBe(true);
        } else {
          expect(ss.has(r.scenarioId), `${p.meta.id}: scenario ${r.scenarioId}`).toBe(true);
        }
      }
      for (const s of p.scenarios) for (const id of s.deck) expect(cs.has(id), `${p.meta.id}: card ${id}`).toBe(true);
    }
  });

  it('ids are unique within every pack and across the bank', () => {
    for (const p of BUILTIN_PACKS) {
      for (const ids of [p.questions.map((q) => q.id), p.cards.map((c) => c.id), p.scenarios.map((s) => s.id)]) {
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
    const all = [...ALL_QUESTIONS.map((q) => q.id), ...ALL_CARDS.map((c) => c.id), ...ALL_SCENARIOS.map((s) => s.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('course, warm-up, team and daily packs have the intended shape', () => {
    for (const lang of ['ko', 'en']) {
      for (const kind of ['course', 'course2']) {
        const course = pack(`${kind}-${lang}`);
        const courseQuiz = course.rounds.filter((r) => r.kind === 'quiz');
        const courseRaces = course.rounds.filter((r) => r.kind === 'race');
        expect(courseQuiz.length).toBeGreaterThanOrEqual(4);
        for (const r of courseQuiz)
          expect(
            r.kind === 'quiz' && r.questionIds.length >= 6 && r.questionIds.length <= 10,
            `${kind}: round size`,
          ).toBe(true);
        expect(courseRaces.length).toBeGreaterThanOrEqual(2);
        expect(courseRaces.length).toBeLessThanOrEqual(3);
        expect(course.rounds[0]?.kind).toBe('quiz');
        const courseTopics = new Set(
          courseQuiz
            .flatMap((r) => (r.kind === 'quiz' ? r.questionIds : []))
            .map((id) => course.questions.find((q) => q.id === id)?.topic),
        );
        for (const t of TOPICS) expect(courseTopics.has(t), `${kind} covers ${t}`).toBe(true);
      }

      const warm = pack(`warmup-${lang}`);
      expect(warm.rounds.map((r) => r.kind)).toEqual(['quiz', 'race']);
      const wq = warm.rounds[0];
      expect(wq?.kind === 'quiz' ? wq.questionIds.length : 0).toBe(10);
      expect(warm.questions).toHaveLength(10);
      for (const q of warm.questions) expect(q.timeLimitS).toBeLessThanOrEqual(20);
      expect(warm.scenarios).toHaveLength(1);
      expect(warm.scenarios[0]?.lengthS).toBeLessThanOrEqual(120);

      const team = pack(`team-${lang}`);
      expect(team.rounds.filter((r) => r.kind === 'race')).toHaveLength(3);
      expect(team.scenarios).toHaveLength(3);

      const daily = pack(`daily-${lang}`);
      expect(daily.questions).toHaveLength(ALL_QUESTIONS.length);
      expect(daily.scenarios).toHaveLength(ALL_SCENARIOS.length);
      const dailyQ = daily.rounds.flatMap((r) => (r.kind === 'quiz' ? r.questionIds : []));
      expect(new Set(dailyQ).size).toBe(ALL_QUESTIONS.length);
      expect(new Set(daily.rounds.flatMap((r) => (r.kind === 'race' ? [r.scenarioId] : []))).size).toBe(
        ALL_SCENARIOS.length,
      );
    }
  });
});

describe('question coverage', () => {
  for (const lang of ['ko', 'en']) {
    const daily = pack(`daily-${lang}`);
    it(`${lang}: at least ${MIN_QUESTIONS} questions, every type and every topic covered`, () => {
      expect(daily.questions.length).toBeGreaterThanOrEqual(MIN_QUESTIONS);
      for (const t of QUESTION_TYPES)
        expect(daily.questions.filter((q) => q.type === t).length, t).toBeGreaterThanOrEqual(MIN_PER_TYPE);
      for (const t of TOPICS)
        expect(daily.questions.filter((q) => q.topic === t).length, t).toBeGreaterThanOrEqual(MIN_PER_TOPIC);
    });
  }

  it('every topic is exercised by a workload card or a scheduled event', () => {
    const covered = new Set<TopicId>(ALL_CARDS.map((c) => c.topic));
    for (const s of ALL_SCENARIOS) for (const e of s.events) for (const t of EVENT_TOPICS[e.kind]) covered.add(t);
    for (const t of TOPICS) expect(covered.has(t), t).toBe(true);
  });

  it('answer keys are in range and well-formed', () => {
    for (const q of pack('daily-en').questions) {
      expect(q.timeLimitS, q.id).toBeGreaterThanOrEqual(10);
      expect(q.timeLimitS, q.id).toBeLessThanOrEqual(60);
      switch (q.type) {
        case 'single':
          expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
          expect(Number.isInteger(q.correct) && q.correct >= 0 && q.correct < q.options.length, q.id).toBe(true);
          expect(new Set(q.options).size, q.id).toBe(q.options.length);
          break;
        case 'multi':
          expect(q.correct.length, q.id).toBeGreaterThanOrEqual(1);
          expect(q.correct.length, q.id).toBeLessThan(q.options.length);
          expect(new Set(q.correct).size, q.id).toBe(q.correct.length);
          for (const i of q.correct) expect(Number.isInteger(i) && i >= 0 && i < q.options.length, q.id).toBe(true);
          expect(new Set(q.options).size, q.id).toBe(q.options.length);
          break;
        case 'truefalse':
          expect(typeof q.correct).toBe('boolean');
          break;
        case 'ordering':
          expect(q.items.length, q.id).toBeGreaterThanOrEqual(3);
          expect(new Set(q.items).size, q.id).toBe(q.items.length);
          expect(q.timeLimitS, q.id).toBeGreaterThanOrEqual(30);
          break;
        case 'matching':
          expect(q.left.length, q.id).toBeGreaterThanOrEqual(3);
          expect(q.pairs.length, q.id).toBe(q.left.length);
          expect(q.right.length, q.id).toBe(q.left.length);
          expect(
            [...q.pairs].sort((a, b) => a - b),
            q.id,
          ).toEqual(q.right.map((_, i) => i));
          expect(q.timeLimitS, q.id).toBeGreaterThanOrEqual(30);
          break;
        case 'numeric':
          expect(Number.isFinite(q.correct) && q.tolerance >= 0, q.id).toBe(true);
          expect(q.timeLimitS, q.id).toBeGreaterThanOrEqual(30);
          break;
      }
    }
  });

  it('both true and false are answers, and correct positions vary', () => {
    const qs = pack('daily-en').questions;
    const tf = qs.filter((q) => q.type === 'truefalse');
    expect(tf.some((q) => q.type === 'truefalse' && q.correct)).toBe(true);
    expect(tf.some((q) => q.type === 'truefalse' && !q.correct)).toBe(true);
    const positions = new Set(qs.flatMap((q) => (q.type === 'single' ? [q.correct] : [])));
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });
});

describe('the curriculum facts and known slips', () => {
  const en = pack('daily-en').questions;
  const byId = (id: string): Question => {
    const q = en.find((x) => x.id === id);
    if (!q) throw new Error(id);
    return q;
  };

  it('teaches the host resource arithmetic of the notes: 32 GB - 4 GB - 8 GB = 20 GB', () => {
    const q = byId('q-vz-001');
    expect(q.type === 'numeric' && q.correct === 20).toBe(true);
  });

  it('puts no host OS under a Type 1 hypervisor', () => {
    const q = byId('q-t1-001');
    expect(q.type === 'ordering' && q.items.map((s) => s.toLowerCase())).toEqual([
      'physical hardware',
      'type 1 hypervisor',
      'guest os (one per vm)',
      'bins/libs',
      'application',
    ]);
    expect(q.type === 'ordering' && q.items.some((s) => /host os/i.test(s))).toBe(false);
    expect(byId('q-t1-002')).toMatchObject({ correct: false }); // with Hyper-V on, Windows runs above the hypervisor
  });

  it('names the source wherever an explanation states a measured number', () => {
    const numbers = [
      ...['0\\.83', '83%', '17%', '98%', '7[-~]9', '125 ms', '110', '5\\.6 MB', '810', '97', '1\\.4M', '2\\.2', '72'],
      ...['150', '0\\.6[-~]1\\.2', '8[-~]10 ms', '6[-~]9\\.5', '512 MB', '64 MB', '114 MB', '2[-~]4%', '1%', '3%'],
      ...['1/3', '40%', 'CVSS'],
    ];
    const measured = new RegExp(`(${numbers.join('|')})`);
    const sources = ['Felter', 'Barham', 'Firecracker', 'Agache', 'Young', 'Mao', 'Kubernetes', 'docker-alpine'];
    const source = new RegExp(
      `(${[...sources, 'Microsoft', 'Ubuntu', 'Phoronix', 'NIST', 'CVE', 'Depot', 'arXiv'].join('|')})`,
    );
    for (const lang of ['ko', 'en']) {
      for (const q of pack(`daily-${lang}`).questions) {
        if (measured.test(q.explanation)) expect(source.test(q.explanation), `${lang} ${q.id}`).toBe(true);
      }
    }
  });

  it("teaches the accurate versions of the notes' known slips", () => {
    const correctText = (id: string): string => {
      const q = byId(id);
      return q.type === 'single' ? (q.options[q.correct] ?? '') : '';
    };
    const xen = byId('q-t1-006'); // Dom0 is a privileged guest, not a host OS
    expect(xen.type === 'matching' && xen.right[xen.pairs[xen.left.indexOf('Dom0')]!]).toMatch(/privileged guest/);
    expect(byId('q-fv-001')).toMatchObject({ correct: false }); // the Dom0 request flow is Xen's, not universal
    expect(byId('q-ct-001')).toMatchObject({ correct: false }); // containers run on any OCI runtime
    expect(byId('q-or-002')).toMatchObject({ correct: false }); // Kubernetes does not need Docker
    // cgroups enforce quotas (over the memory limit: OOM kill)
    expect(byId('q-ct-003')).toMatchObject({ correct: true });
    expect(byId('q-ct-004')).toMatchObject({ correct: true }); // a runtime escape (runc CVE-2019-5736) reaches the host
    expect(correctText('q-ct-005')).toMatch(/trusted.*one kernel is shared/); // fine for trusted, weaker than a VM
    expect(correctText('q-ct-011')).toMatch(/cgroups enforce/);
    expect(byId('q-ch-001')).toMatchObject({ correct: false }); // containers do not always start faster than microVMs
    expect(byId('q-vm-002')).toMatchObject({ correct: false }); // VMs are not immune (VENOM)
  });

  it('never marks KVM as anything but Type 1', () => {
    expect(byId('q-t1-003')).toMatchObject({ correct: true });
    const multi = byId('q-t1-004');
    expect(multi.type === 'multi' && multi.correct.map((i) => multi.options[i])).toContain('KVM');
  });
});

describe('workload cards and scenarios', () => {
  it(`has at least ${MIN_CARDS} cards and ${MIN_SCENARIOS} scenarios`, () => {
    expect(ALL_CARDS.length).toBeGreaterThanOrEqual(MIN_CARDS);
    expect(ALL_SCENARIOS.length).toBeGreaterThanOrEqual(MIN_SCENARIOS);
  });

  it('cards are realistically sized and internally consistent', () => {
    for (const c of pack('daily-en').cards) {
      expect(c.cpu >= 0.25 && c.cpu <= 16, `${c.id} cpu`).toBe(true);
      expect(c.ramGb >= 0.25 && c.ramGb <= 64, `${c.id} ram`).toBe(true);
      expect(c.diskGb >= 1 && c.diskGb <= 500, `${c.id} disk`).toBe(true);
      expect(c.startDeadlineS >= 2 && c.startDeadlineS <= 3600, `${c.id} deadline`).toBe(true);
      if (c.guestOs === 'windows')
        expect(c.modifiableKernel, `${c.id}: Windows kernels cannot be modified`).toBe(false);
      if (c.saasAvailable) expect(c.needsOsControl || c.needsCustomKernel, `${c.id}: SaaS and OS control`).toBe(false);
    }
  });

  it('every card is in at least one scenario', () => {
    const used = new Set(ALL_SCENARIOS.flatMap((s) => s.deck));
    for (const c of ALL_CARDS) expect(used.has(c.id), c.id).toBe(true);
  });

  it('scenarios have sensible hosts, decks, events and arrival times', () => {
    const cards = new Map(ALL_CARDS.map((c) => [c.id, c]));
    for (const s of ALL_SCENARIOS) {
      expect(s.lengthS >= 90 && s.lengthS <= 240, s.id).toBe(true);
      expect(s.deck.length >= 6 && s.deck.length <= 12, s.id).toBe(true);
      expect(new Set(s.deck).size, s.id).toBe(s.deck.length);
      expect(s.randomEvents >= 0 && s.randomEvents <= 2, s.id).toBe(true);
      expect(s.events.length, s.id).toBeGreaterThanOrEqual(1);
      for (const e of s.events) expect(e.atS > 0 && e.atS < s.lengthS, `${s.id} ${e.kind}`).toBe(true);
      let last = -1;
      for (const id of s.deck) {
        const at = cards.get(id)?.arrivesAtS ?? 0;
        expect(at, `${s.id}: ${id} arrives in order`).toBeGreaterThanOrEqual(last);
        expect(at, `${s.id}: ${id} arrives in the first 60%`).toBeLessThanOrEqual(0.6 * s.lengthS);
        last = at;
      }
    }
  });

  it('every deck card has a legal choice that fits its scenario host and meets its deadline', () => {
    const daily = pack('daily-en');
    const cards = new Map(daily.cards.map((c) => [c.id, c]));
    for (const s of daily.scenarios) {
      s.deck.forEach((id, i) => {
        const c = cards.get(id);
        if (!c) throw new Error(id);
        let good = quotesOnEmptyHost(c, s.host).filter((q) => q.fits && q.meetsDeadline);
        // A card may count on its base image's layers being on the host already: an earlier card of the deck on
        // the same base, deployed as a container, brought them (the lesson of shared layers).
        if (good.length === 0 && c.image) {
          const earlier = s.deck
            .slice(0, i)
            .map((e) => cards.get(e)!)
            .filter((e) => e.image?.base === c.image!.base);
          const deployments = earlier.slice(0, 1).map((e) => ({
            id: 'd0',
            cardId: e.id,
            playerId: 'p',
            hostId: 'h',
            choice: { kind: 'container' as const, placement: 'on-prem' as const },
            at: 0,
            readyAt: 0,
            cpu: e.cpu,
            ramGb: e.ramGb,
            diskGb: e.diskGb,
            points: 0,
            auditPoints: 0,
            eventPoints: 0,
            down: false,
            layer: 'infrastructure' as const,
          }));
          const ctx = { spec: s.host, deployments, cards: Object.fromEntries(earlier.map((e) => [e.id, e])) };
          good = legalChoices(c, s.host)
            .map((choice) => quoteOnHost(ctx, c, choice))
            .filter((q) => q.fits && q.meetsDeadline);
        }
        expect(good.length, `${s.id}: ${id}`).toBeGreaterThan(0);
      });
    }
  });

  it('hosts include Linux and Windows servers and a desktop', () => {
    const hosts = ALL_SCENARIOS.map((s) => s.host);
    expect(hosts.some((h) => h.machine === 'server' && h.os === 'linux')).toBe(true);
    expect(hosts.some((h) => h.machine === 'server' && h.os === 'windows')).toBe(true);
    expect(hosts.some((h) => h.machine === 'desktop')).toBe(true);
  });

  it('capacity bites: in several scenarios the deck does not fit as full VMs', () => {
    const daily = pack('daily-en');
    const cards = new Map(daily.cards.map((c) => [c.id, c]));
    const tight = daily.scenarios.filter((s) => {
      const ctx = { spec: s.host, deployments: [], cards: {} };
      const kind = s.host.machine === 'server' ? 'vm-full' : 'vm-type2';
      let cpu = 0;
      let ram = 0;
      for (const id of s.deck) {
        const c = cards.get(id);
        if (!c) throw new Error(id);
        const q = quoteOnHost(ctx, c, { kind, placement: 'on-prem' });
        cpu += q.cpu;
        ram += q.ramGb;
      }
      return cpu > s.host.cores || ram > s.host.ramGb;
    });
    expect(tight.length).toBeGreaterThanOrEqual(3);
  });

  it('must-have cards are present with the intended needs', () => {
    const c = (id: string): WorkloadCard => {
      const found = pack('daily-en').cards.find((x) => x.id === id);
      if (!found) throw new Error(id);
      return found;
    };
    expect(c('c-payroll-net')).toMatchObject({ guestOs: 'windows', residency: 'on-prem', sensitivity: 'confidential' });
    expect(c('c-tenant-plugins')).toMatchObject({ guestOs: 'linux', trust: 'untrusted', profile: 'syscall' });
    expect(c('c-web-frontend')).toMatchObject({ traffic: 'bursty' });
    expect(c('c-plagiarism-batch')).toMatchObject({ profile: 'cpu', traffic: 'steady', startDeadlineS: 3600 });
    expect(c('c-core-banking')).toMatchObject({ needsCustomKernel: true });
    expect(c('c-office-suite')).toMatchObject({ saasAvailable: true });
    expect(c('c-ad-dc')).toMatchObject({ guestOs: 'windows', needsOsControl: true });
    expect(c('c-code-grader')).toMatchObject({ trust: 'untrusted' });
    expect(pack('daily-en').cards.filter((x) => x.profile === 'io').length).toBeGreaterThanOrEqual(5);
  });
});
