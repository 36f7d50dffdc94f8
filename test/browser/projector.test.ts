// The projector read from the back of a classroom (1920x1080): every phase of a game, in English and in Korean,
// has no text the room must read under 24 px; the race shows its host with the hardware above the fold, who each
// event struck and by how much and why, and live standings; the race ends by itself and its result shows the class
// bill beside the standings with what each player made in the race. Three phones play through the UI; two more
// players deploy through the protocol so the shared host is full. Phones are shot too (shared components at 390 px).
// A team game checks the same with each team's host side by side and the team standings.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { builtinPack, BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import type { DeployChoice, GameView, Question } from '../../shared/engine/types.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/index.js';
import type { Socket } from 'socket.io-client';
import { browserTest, newPage, shot, type Harness } from './support.js';
import { WAIT, answer, changed, createGame, hostControl, joinAs, setLang } from './play-helpers.js';
import { expectProjectorReadable } from './readability.js';
import { expectPhoneFits } from './phone-checks.js';

const PACK_TITLE = 'Projector test pack';
const HOST_KEY = 'projectorTestHostKey_0123456789ab';

/** Four question types, a race on the full seven-card SaaS deck with three events, then one more question. */
function projectorPack(): GamePack {
  const base = builtinPack('course-en') ?? BUILTIN_PACKS.find((p) => p.meta.language === 'en');
  if (!base) throw new Error('no built-in English pack');
  const pick = (type: Question['type']) => {
    const q = base.questions.find((x) => x.type === type);
    if (!q) throw new Error(`no ${type} question`);
    return q;
  };
  const questions = [pick('single'), pick('truefalse'), pick('ordering'), pick('numeric')];
  const scenario = base.scenarios.find((s) => s.id === 's-saas-startup') ?? base.scenarios[0]!;
  const cards = base.cards.filter((c) => scenario.deck.includes(c.id)).map((c) => ({ ...c, arrivesAtS: 0 }));
  return {
    ...base,
    meta: { ...base.meta, id: 'projector-test-en', title: PACK_TITLE, description: 'Projector readability.' },
    questions,
    cards,
    scenarios: [
      {
        ...scenario,
        events: [
          { kind: 'kernel-cve', atS: 9 },
          { kind: 'noisy-neighbour', atS: 14 },
          { kind: 'traffic-spike', atS: 19 },
        ],
        randomEvents: 0,
        lengthS: 28,
      },
    ],
    rounds: [
      { kind: 'quiz', questionIds: [questions[0]!.id, questions[1]!.id] },
      { kind: 'race', scenarioId: scenario.id },
      { kind: 'quiz', questionIds: [questions[2]!.id, questions[3]!.id] },
    ],
  };
}

type Player = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A player who plays through the protocol (no phone): joins, and deploys in the race. */
async function socketPlayer(
  url: string,
  code: string,
  name: string,
): Promise<{ socket: Player; view: () => GameView | null; race: () => Promise<GameView> }> {
  const socket: Player = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  let view: GameView | null = null;
  const waiting: Array<(v: GameView) => void> = [];
  socket.on('room:view', (v) => {
    view = v;
    if (v.race) for (const w of waiting.splice(0)) w(v);
  });
  /** The first view with a race (the latest, if it has one). */
  const race = (): Promise<GameView> =>
    view?.race ? Promise.resolve(view) : new Promise((resolve) => waiting.push(resolve));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const reply = await socket.emitWithAck('player:join', { roomCode: code, name });
  if (!reply.ok) throw new Error(`${name} could not join: ${reply.error.message}`);
  view = reply.view;
  return { socket, view: () => view, race };
}

/** Deploys a card with the first of `choices` the engine accepts. */
async function deploy(p: Player, cardId: string, choices: DeployChoice[]): Promise<DeployChoice> {
  for (const choice of choices) {
    const reply = await p.emitWithAck('player:deploy', { cardId, choice });
    if (reply.ok) return choice;
  }
  throw new Error(`no choice deployed ${cardId}`);
}

const ON_PREM = (kind: DeployChoice['kind']): DeployChoice => ({ kind, placement: 'on-prem' });
const FALLBACK: DeployChoice[] = [
  ON_PREM('container'),
  ON_PREM('vm-full'),
  ON_PREM('microvm'),
  { kind: 'container', placement: 'paas' },
  { kind: 'vm-full', placement: 'iaas' },
];

describe('the projector at 1920x1080', () => {
  browserTest(
    'every phase is readable from the back in both languages; the race tells ' +
      'who lost and gained what, and its standings',
    { timeout: 300_000, failShot: 'failed-projector' },
    play,
  );

  /** The projector, with the test pack imported as its own (its host key), as the landing page's import does. */
  async function projector(h: Harness, all: Page[]): Promise<Page> {
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    await host.goto('/');
    await host.evaluate((key) => localStorage.setItem('hostrush.hostKey', JSON.stringify(key)), HOST_KEY);
    const res = await fetch(`${h.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': HOST_KEY },
      body: JSON.stringify(projectorPack()),
    });
    expect(res.ok, await res.clone().text()).toBe(true);
    return host;
  }

  /** The readability check and a screenshot of this phase, in English and in Korean. */
  async function lookAt(host: Page, name: string): Promise<void> {
    for (const lang of ['en', 'ko'] as const) {
      await setLang(host, lang);
      await expectProjectorReadable(host, `${name} (${lang})`);
      await shot(host, `projector-${name}-${lang}`);
    }
    await setLang(host, 'en');
  }

  async function play(h: Harness, all: Page[]): Promise<void> {
    const host = await projector(h, all);
    const code = await createGame(host, { packTitle: PACK_TITLE, questionTimeS: 10 });
    const look = (name: string) => lookAt(host, name);

    const phones: Page[] = [];
    for (const [name, lang] of [
      ['Ada', 'en'],
      ['민지', 'ko'],
      ['Linus', 'en'],
    ] as const) {
      const { page } = await newPage(h, 'phone', lang);
      all.push(page);
      await joinAs(page, code, name);
      phones.push(page);
    }
    const grace = await socketPlayer(h.url, code, 'Grace Hopper');
    const seojun = await socketPlayer(h.url, code, '서준');
    try {
      for (const name of ['Ada', '민지', 'Linus', 'Grace Hopper', '서준'])
        await host.locator('host-view .players li', { hasText: name }).waitFor(WAIT);
      await look('lobby');
      await hostControl(host, 'Start game');

      const seen = new Set<string>();
      let current = await changed(host, 'host-view', 'lobby:-1');
      for (let guard = 0; guard < 30 && !current.startsWith('podium'); guard++) {
        const phase = current.split(':')[0]!;
        if (phase === 'question') {
          for (const p of phones) await answer(p);
          await look(`question-${current.split(':')[1]}`);
          // The two protocol players do not answer: the time runs out by itself.
          current = await changed(host, 'host-view', current);
          expect(current.startsWith('reveal')).toBe(true);
          continue;
        }
        if (phase === 'race') {
          await raceOnProjector(host, phones, grace, seojun, look);
          // Nobody presses "end race now": the race runs out and the projector shows its result.
          current = await changed(host, 'host-view', current, { timeout: 40_000 });
          expect(current.startsWith('race-result')).toBe(true);
          await raceResult(host, phones, look);
          seen.add('race');
        } else if (!seen.has(phase)) {
          if (phase === 'reveal') await host.locator('host-view answer-distribution').waitFor(WAIT);
          await look(phase);
          seen.add(phase);
        }
        await hostControl(host, 'Next');
        current = await changed(host, 'host-view', current);
      }
      expect(current.startsWith('podium')).toBe(true);
      expect([...seen].sort()).toEqual(['leaderboard', 'race', 'reveal']);
      await host.locator('host-view podium-stand li').first().waitFor(WAIT);
      await look('podium');
      await phones[1]!.locator('play-screen [data-phase="podium"]').waitFor(WAIT);
      await shot(phones[1]!, 'projector-phone-podium-ko');
    } finally {
      grace.socket.disconnect();
      seojun.socket.disconnect();
    }
  }

  async function raceOnProjector(
    host: Page,
    phones: Page[],
    grace: Awaited<ReturnType<typeof socketPlayer>>,
    seojun: Awaited<ReturnType<typeof socketPlayer>>,
    look: (name: string) => Promise<void>,
  ): Promise<void> {
    await host.locator('host-view host-picture').waitFor(WAIT);
    const race = (await grace.race()).race!;
    const cards = race.hosts[0]!.cards.map((c) => c.cardId);
    expect(cards.length).toBe(7);
    // Six cards on the shared host, of every kind, by two players; the seventh claimed and left waiting.
    const plan: Array<[Player, DeployChoice]> = [
      [grace.socket, ON_PREM('container')],
      [seojun.socket, ON_PREM('vm-full')],
      [grace.socket, ON_PREM('microvm')],
      [seojun.socket, ON_PREM('traditional')],
      [grace.socket, { kind: 'container', placement: 'paas' }],
      [seojun.socket, ON_PREM('container')],
    ];
    for (const [i, [who, choice]] of plan.entries()) await deploy(who, cards[i]!, [choice, ...FALLBACK]);
    expect((await grace.socket.emitWithAck('player:claim', { cardId: cards[6]! })).ok).toBe(true);
    await host.locator('host-view [data-testid="race-standings"] leader-board').waitFor(WAIT);
    await expectAboveFold(host, 'race before any event');
    await look('race-start');

    // The kernel CVE: the picture flags it; the events panel names who lost how much and why.
    await host.locator('host-picture .strike').first().waitFor({ timeout: 30_000 });
    const latest = host.locator('host-view race-events [data-testid="event-latest"]');
    await host.locator('host-view race-events li.ev', { hasText: 'Kernel CVE' }).first().waitFor(WAIT);
    await latest.locator('.row .lost').first().waitFor(WAIT);
    expect(await latest.locator('.why').count()).toBeGreaterThan(0);
    await shot(phones[0]!, 'projector-phone-race-en');
    // The noisy neighbour names the workload that hogged the host and everyone it cost.
    await latest.filter({ hasText: /Noisy neighbour/ }).waitFor({ timeout: 30_000 });
    const noisy = (await latest.textContent()) ?? '';
    expect(noisy).toMatch(/Hogging the host: .+\((Grace Hopper|서준)\)/);
    expect(noisy).toMatch(/−\d/);
    // The picture marks the workload that hogged the host, in words.
    await host.locator('host-picture .w.culprit .hog').first().waitFor(WAIT);
    // The standings say what each player made in this race so far.
    await host
      .locator('host-view [data-testid="race-standings"] leader-board')
      .filter({ hasText: 'in this race' })
      .waitFor(WAIT);
    await expectAboveFold(host, 'race after events');
    await look('race-events');
    // The same host picture on a phone (folded under the cards there), at 390 px, struck by the same events.
    const fold = phones[1]!.locator('[data-testid="host-fold"]');
    if (await fold.count()) {
      if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
      await fold.locator('host-picture .strike').first().waitFor(WAIT);
      await fold.locator('host-picture').scrollIntoViewIfNeeded();
    }
    await expectPhoneFits(phones[1]!, 'phone race with the host picture');
    await shot(phones[1]!, 'projector-phone-race-ko');
  }

  async function raceResult(host: Page, phones: Page[], look: (name: string) => Promise<void>): Promise<void> {
    // The class bill beside the standings, both above the fold; the events below them.
    await host.locator('host-view [data-room="race-bills"] cloud-bill').first().waitFor(WAIT);
    const standings = host.locator('host-view [data-testid="race-standings"] leader-board');
    await standings.filter({ hasText: 'in this race' }).waitFor(WAIT);
    for (const name of ['Grace Hopper', '서준'])
      expect(await standings.locator('li', { hasText: name }).count()).toBe(1);
    // The numbers add up: what the standings say each player made in this race sums to the class bill's total.
    const num = (s: string) => Number(s.replace(/[^\d−-]/g, '').replace('−', '-'));
    const gains = (await standings.locator('li .detail').allTextContents()).map((s) =>
      num(s.replace(/in this race/, '')),
    );
    expect(gains).toHaveLength(5);
    const total = num((await host.locator('host-view .side-bills cloud-bill tr.total td').first().textContent()) ?? '');
    expect(gains.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).not.toBe(0);
    for (const sel of ['host-view [data-testid="race-standings"]', 'host-view .side-bills cloud-bill']) {
      const box = await host.locator(sel).first().boundingBox();
      expect(box && box.y + Math.min(box.height, 300) <= 1080, `${sel} is above the fold`).toBe(true);
    }
    await look('race-result');
    await phones[0]!.locator('play-screen cloud-bill').first().waitFor(WAIT);
    await shot(phones[0]!, 'projector-phone-bill-en', true);
  }

  /** The host picture's hardware band and the standings' first row are within the 1080 px the projector shows. */
  async function expectAboveFold(host: Page, label: string): Promise<void> {
    const hw = await host.locator('host-picture .band.hw').first().boundingBox();
    expect(hw, `${label}: no hardware band`).not.toBeNull();
    expect(hw!.y + hw!.height, `${label}: the hardware layer falls below the fold`).toBeLessThanOrEqual(1080);
    const lanes = await host.locator('host-picture .lanes').first().boundingBox();
    expect(lanes!.y + lanes!.height, `${label}: the cloud lanes fall below the fold`).toBeLessThanOrEqual(1080);
    const row = await host.locator('host-view [data-testid="race-standings"] leader-board li').first().boundingBox();
    expect(row && row.y + row.height <= 1080, `${label}: the standings fall below the fold`).toBe(true);
  }
  browserTest(
    "a team game: every phase readable, each team's host and the team standings",
    { timeout: 240_000, failShot: 'failed-projector-team' },
    async (h, all) => {
      const host = await projector(h, all);
      const code = await createGame(host, { packTitle: PACK_TITLE, mode: 'team', teamCount: 2, questionTimeS: 10 });
      const { page: ada } = await newPage(h, 'phone', 'en');
      all.push(ada);
      await joinAs(ada, code, 'Ada');
      const grace = await socketPlayer(h.url, code, 'Grace Hopper');
      const seojun = await socketPlayer(h.url, code, '서준');
      try {
        for (const name of ['Ada', 'Grace Hopper', '서준'])
          await host.locator('host-view .players li', { hasText: name }).waitFor(WAIT);
        await lookAt(host, 'team-lobby');
        await hostControl(host, 'Start game');
        let current = await changed(host, 'host-view', 'lobby:-1');
        for (let guard = 0; guard < 10 && !current.startsWith('race:'); guard++) {
          if (current.startsWith('question')) current = await changed(host, 'host-view', current);
          else {
            await hostControl(host, 'Next');
            current = await changed(host, 'host-view', current);
          }
        }
        expect(current.startsWith('race:')).toBe(true);
        // Each protocol player deploys on its own team's host.
        for (const [p, kinds] of [
          [grace, ['container', 'vm-full', 'microvm']],
          [seojun, ['container', 'traditional']],
        ] as const) {
          const view = await p.race();
          const me = view.players.find((x) => x.name === (p === grace ? 'Grace Hopper' : '서준'));
          const mine = view.race!.hosts.find((x) => x.owner.endsWith(me?.teamId ?? '?')) ?? view.race!.hosts[0]!;
          for (const [i, kind] of kinds.entries())
            await deploy(p.socket, mine.cards[i]!.cardId, [ON_PREM(kind), ...FALLBACK]);
        }
        await host.locator('host-picture .strike').first().waitFor({ timeout: 30_000 });
        expect(await host.locator('host-view host-picture').count()).toBe(2);
        await lookAt(host, 'team-race');
        current = await changed(host, 'host-view', current, { timeout: 40_000 });
        expect(current.startsWith('race-result')).toBe(true);
        await host.locator('host-view [data-room="race-bills"] cloud-bill').first().waitFor(WAIT);
        await host.locator('host-view [data-testid="race-standings"] leader-board', { hasText: 'Teams' }).waitFor(WAIT);
        await lookAt(host, 'team-race-result');
        while (!current.startsWith('podium')) {
          await hostControl(host, 'Next');
          current = await changed(host, 'host-view', current);
        }
        await host.locator('host-view podium-stand li').first().waitFor(WAIT);
        await lookAt(host, 'team-podium');
      } finally {
        grace.socket.disconnect();
        seojun.socket.disconnect();
      }
    },
  );
});
