// The race on a phone (390x844) as a one-handed screen: the cards first and the page short, no sideways scroll, the
// deployment chosen where-then-how in a real modal dialog (focus inside, Tab cycling, Escape closing, focus back to
// the card) with Deploy and Cancel always in the viewport; a race that ends by itself. English and Korean phones.
import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { builtinPack, BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { DEPLOY_KINDS } from '../../shared/engine/types.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { expectPhoneFits } from './phone-checks.js';
import {
  WAIT,
  changed,
  chooseDeployment,
  createGame,
  deployCard,
  hostControl,
  importPack,
  joinAs,
  openPicker,
} from './play-helpers.js';

const RACE_S = 75;

/** One true/false question, then a race whose eight cards have all arrived: the longest race page a phone gets. */
function phoneRacePack(): GamePack {
  const base = builtinPack('course-en') ?? BUILTIN_PACKS.find((p) => p.meta.language === 'en');
  if (!base) throw new Error('no built-in English pack');
  const tf = base.questions.find((q) => q.type === 'truefalse');
  const scenario = [...base.scenarios]
    .sort((a, b) => b.deck.length - a.deck.length)
    .find((s) => s.host.machine === 'server');
  if (!tf || !scenario) throw new Error('pack lacks a true/false question or a server scenario');
  const cards = base.cards.filter((c) => scenario.deck.includes(c.id)).map((c) => ({ ...c, arrivesAtS: 0 }));
  return {
    ...base,
    meta: {
      ...base.meta,
      id: 'browser-phone-race',
      title: 'Phone race pack',
      description: 'One question and a full race.',
    },
    questions: [tf],
    cards,
    scenarios: [{ ...scenario, events: [], randomEvents: 0, lengthS: RACE_S }],
    rounds: [
      { kind: 'quiz', questionIds: [tf.id] },
      { kind: 'race', scenarioId: scenario.id },
    ],
  };
}

/** The element that has focus, through open shadow roots. */
async function focused(page: Page): Promise<{ tag: string; inDialog: boolean; card: string | null; cls: string }> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    // Walk up through shadow hosts to see whether an open dialog or a race card holds it.
    let inDialog = false;
    let card: string | null = null;
    for (let n: Node | null = a; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n instanceof HTMLDialogElement && n.open) inDialog = true;
      if (n instanceof HTMLElement && n.dataset.card && !card) card = n.dataset.card;
    }
    return { tag: a?.tagName.toLowerCase() ?? '', inDialog, card, cls: a?.className ?? '' };
  });
}

async function metrics(page: Page): Promise<{ height: number; width: number; inner: number; innerH: number }> {
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
    inner: innerWidth,
    innerH: innerHeight,
  }));
}

/** The control is wholly inside the 390x844 viewport. */
async function inViewport(el: Locator): Promise<void> {
  const box = await el.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
}

describe('the race on a phone', () => {
  browserTest(
    'is short, never scrolls sideways, and deploys through a where-then-how modal with Deploy in reach',
    { timeout: 240_000, failShot: 'failed-phone-race' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    await importPack(h.url, phoneRacePack());
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    const code = await createGame(host, { packTitle: 'Phone race pack', questionTimeS: 60 });
    const phones: Page[] = [];
    for (const [name, lang] of [
      ['Ada', 'en'],
      ['민지', 'ko'],
    ] as const) {
      const { page } = await newPage(h, 'phone', lang);
      all.push(page);
      await joinAs(page, code, name);
      phones.push(page);
    }
    const [ada, minji] = phones as [Page, Page];

    await hostControl(host, 'Start game');
    let current = await changed(host, 'host-view', 'lobby:-1');
    for (const page of phones) await page.locator('answer-choices button.ans').first().click(WAIT);
    // Both answered: the question closes by itself; the teacher moves on from the reveal.
    while (!current.startsWith('race:')) {
      if (!current.startsWith('question')) await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
    }

    // The race page: every card listed, short, no sideways scroll.
    for (const [page, lang] of [
      [ada, 'en'],
      [minji, 'ko'],
    ] as const) {
      await page.locator('race-cards li button.claim').first().waitFor(WAIT);
      expect(await page.locator('race-cards li').count()).toBeGreaterThanOrEqual(7);
      const m = await metrics(page);
      expect(m.width, `${lang} race page scrolls sideways`).toBeLessThanOrEqual(m.inner);
      expect(m.height, `${lang} race page is ${m.height} px`).toBeLessThan(2.5 * m.innerH);
      // Seven cards run below the fold: the screen says so.
      await expectPhoneFits(page, `${lang} race cards`, { mustReach: ['race-cards'] });
      await expect(page.locator('more-below [data-more-below]').isVisible()).resolves.toBe(true);
      await expectAccessible(page, `phone race ${lang}`);
      await shot(page, `phone-race-${lang}`, true);
    }
    // The host picture folds out on demand.
    await ada.locator('play-screen details.hostfold > summary').click();
    await ada.locator('play-screen host-picture').waitFor(WAIT);
    expect((await metrics(ada)).width).toBeLessThanOrEqual(390);
    await shot(ada, 'phone-race-host-en', true);
    await ada.locator('play-screen details.hostfold > summary').click();

    // The picker: a modal dialog with Deploy and Cancel inside the viewport, focus inside it whatever Tab does.
    for (const [page, lang] of [
      [ada, 'en'],
      [minji, 'ko'],
    ] as const) {
      const cardId = await openPicker(page);
      const picker = page.locator('deploy-picker');
      await inViewport(picker.locator('button.deploy'));
      await inViewport(picker.locator('button.cancel'));
      expect((await focused(page)).inDialog, 'focus moved into the dialog').toBe(true);
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press('Tab');
        expect((await focused(page)).inDialog, `Tab ${i + 1} stays in the dialog`).toBe(true);
      }
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Shift+Tab');
        expect((await focused(page)).inDialog, `Shift+Tab ${i + 1} stays in the dialog`).toBe(true);
      }
      await expectAccessible(page, `picker, where, ${lang}`);
      await shot(page, `phone-picker-where-${lang}`);
      await chooseDeployment(page, { placement: 'on-prem' });
      await picker.locator('.body[data-step="how"] input[name="kind"]').first().waitFor(WAIT);
      expect(await picker.locator('input[name="kind"]').count()).toBeLessThanOrEqual(DEPLOY_KINDS.length);
      await inViewport(picker.locator('button.deploy'));
      await expectAccessible(page, `picker, how, ${lang}`);
      await shot(page, `phone-picker-how-${lang}`);
      await chooseDeployment(page, { placement: 'iaas' });
      // IaaS rents VMs: no traditional install, Type 2 or microVM offered there.
      expect(await picker.locator('input[name="kind"][value="traditional"]').count()).toBe(0);
      await shot(page, `phone-picker-how-iaas-${lang}`);
      await picker.locator('details.more > summary').click();
      await picker.locator('details.more score-meter').first().waitFor(WAIT);
      // Every number in the brief has its arithmetic: efficiency, isolation and points.
      await picker.locator('[data-testid="quote-calc"]').waitFor(WAIT);
      expect(await picker.locator('[data-testid="quote-calc"] li').count()).toBeGreaterThanOrEqual(2);
      await inViewport(picker.locator('button.deploy'));
      await shot(page, `phone-picker-details-${lang}`);
      await chooseDeployment(page, { placement: 'saas' });
      await picker.locator('[data-testid="quote-brief"]').waitFor(WAIT);
      await shot(page, `phone-picker-saas-${lang}`);
      expect((await metrics(page)).width).toBeLessThanOrEqual(390);

      // Escape closes it; focus is back on the card's Deploy button.
      await page.keyboard.press('Escape');
      await picker.waitFor({ ...WAIT, state: 'detached' });
      const back = await focused(page);
      expect(back.card).toBe(cardId);
      expect(back.cls).toContain('deploy');
    }

    // Cancel closes it too; then each phone deploys, where then how, through the helper the other tests use.
    await openPicker(ada);
    await ada.locator('deploy-picker button.cancel').click();
    await ada.locator('deploy-picker').waitFor({ ...WAIT, state: 'detached' });
    // Another player's deployment while Ada is choosing leaves her choice as it was; then she deploys it.
    const adaCard = await openPicker(ada);
    await chooseDeployment(ada, {
      placement: 'on-prem',
      kind: ['vm-full', 'container', 'sandboxed-container', 'vm-para'],
    });
    const chosen = await ada.locator('deploy-picker input[name="kind"]:checked').getAttribute('value');
    expect(chosen).not.toBeNull();
    await deployCard(minji);
    await ada
      .locator('race-cards li.done')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    expect(await ada.locator('deploy-picker input[name="kind"]:checked').getAttribute('value')).toBe(chosen);
    await ada.locator('deploy-picker button.deploy').click();
    await ada.locator(`race-cards li.done[data-card="${adaCard}"]`).waitFor(WAIT);
    // Focus went to the deployed card, not to the top of the page.
    expect((await focused(ada)).card).toBe(adaCard);
    for (const [page, lang] of [
      [ada, 'en'],
      [minji, 'ko'],
    ] as const) {
      await page.locator('race-cards li.done').nth(1).waitFor(WAIT);
      const m = await metrics(page);
      expect(m.width).toBeLessThanOrEqual(m.inner);
      expect(m.height).toBeLessThan(2.5 * m.innerH);
      await shot(page, `phone-race-deployed-${lang}`, true);
    }

    // The race ends by itself, on every screen.
    for (const page of phones)
      await page
        .locator('play-screen [data-phase]:not([data-phase="race"])')
        .waitFor({ timeout: (RACE_S + 30) * 1000 });
    await host.locator('host-view [data-key]:not([data-key^="race:"])').first().waitFor(WAIT);
  }
});
