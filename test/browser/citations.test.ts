// Issue 14 on screen: a "why" that cites a source opens the fact's claim and reference with a tap (a GUESS opens as
// the game's estimate), and a hardware failure shows the on-premise workloads down on the host picture, phone and
// projector. English and Korean phones.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinPack, BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { browserTest, shot, type Harness } from './support.js';
import { oneQuestionRacePack } from './fixtures.js';
import { classAtRace } from './race-setup.js';
import { WAIT, chooseDeployment, deployCard, importPack, openPicker } from './play-helpers.js';

const RACE_S = 60;
const FAILURE_S = 22;

function citationPack(): GamePack {
  const base = builtinPack('course-en') ?? BUILTIN_PACKS.find((p) => p.meta.language === 'en');
  if (!base) throw new Error('no built-in English pack');
  const scenario = base.scenarios.find((s) => s.host.machine === 'server' && s.host.os === 'linux');
  if (!scenario) throw new Error('pack lacks a Linux server scenario');
  return oneQuestionRacePack({
    base,
    scenarioId: scenario.id,
    meta: {
      id: 'browser-citations',
      title: 'Citations pack',
      description: 'One question and a race with a hardware failure.',
    },
    events: [{ kind: 'hardware-failure', atS: FAILURE_S }],
    lengthS: RACE_S,
  });
}

describe('citations and downtime on screen', () => {
  browserTest(
    'a why opens its source with a tap; a hardware failure shows the host down',
    { timeout: 240_000, failShot: 'failed-citations' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    await importPack(h.url, citationPack());
    const { host, phones } = await classAtRace(h, all, 'Citations pack');

    for (const [page, lang] of phones) {
      await page.locator('race-cards li button.claim').first().waitFor(WAIT);
      await openPicker(page);
      const picker = page.locator('deploy-picker');
      await chooseDeployment(page, { placement: 'on-prem', kind: ['container', 'vm-full', 'sandboxed-container'] });
      await picker.locator('details.more > summary').click();
      const cites = picker.locator('details.more why-cite');
      await cites.first().waitFor(WAIT);
      // The first cited line opens its row: the claim in the phone's language and the reference.
      await cites.first().locator('summary').click();
      const pop = cites.first().locator('.pop');
      await pop.waitFor(WAIT);
      const text = (await pop.textContent()) ?? '';
      expect(text.length).toBeGreaterThan(20);
      if (lang === 'ko') expect(text).toMatch(/[가-힣]/);
      await pop.scrollIntoViewIfNeeded();
      await shot(page, `citation-picker-${lang}`);
      await page.keyboard.press('Escape');
      await picker.waitFor({ ...WAIT, state: 'detached' });
    }

    // Each phone deploys on premises; the deployment's own why lines carry their citations too.
    for (const [page] of phones)
      await deployCard(page, {
        placement: 'on-prem',
        kind: ['container', 'vm-full', 'sandboxed-container', 'vm-para'],
      });
    // And one in the cloud, which the failure must not mark as harmed.
    await deployCard(phones[0]![0], { placement: 'iaas', kind: ['vm-full', 'container'] });

    // The hardware failure: the on-premise workloads are down on the phones' pictures and on the projector.
    for (const [page, lang] of phones) {
      await page.locator('play-screen details.hostfold > summary').click();
      await page
        .locator('play-screen host-picture li.w.down')
        .first()
        .waitFor({ timeout: (FAILURE_S + 15) * 1000 });
      // The event's line counts only the harmed (the cloud deployment it rewarded is not "hit").
      await page
        .locator('play-screen host-picture .strike', { hasText: lang === 'en' ? '2 hit' : '2개가' })
        .waitFor(WAIT);
      const downs = await page.locator('play-screen host-picture li.w.down').count();
      const onPrem = await page.locator('play-screen host-picture li.w').count();
      expect(downs).toBe(onPrem);
      await shot(page, `citation-down-${lang}`, true);
      const race = page.locator('play-screen .race-why');
      if (await race.locator('why-cite').count()) {
        // Several reasons fold under the first: unfold them, then open a citation.
        const fold = page.locator('play-screen .race-why > details > summary');
        if (await fold.count()) await fold.click();
        await race.locator('why-cite').first().locator('summary').click();
        await race.locator('why-cite .pop').first().waitFor(WAIT);
        await page.evaluate(() => scrollTo(0, 0));
        await shot(page, `citation-race-why-${lang}`);
      }
    }
    await host.locator('host-view host-picture li.w.down').first().waitFor(WAIT);
    await shot(host, 'citation-down-projector');

    // The race ends by itself.
    for (const [page] of phones)
      await page
        .locator('play-screen [data-phase]:not([data-phase="race"])')
        .waitFor({ timeout: (RACE_S + 30) * 1000 });
  }
});
