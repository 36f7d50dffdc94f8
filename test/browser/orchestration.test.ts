// Issue 14 on screen: containers under an orchestrator (Kubernetes) are a choice in the picker, beside plain
// containers, with their why-lines (the control plane, the image's layers); the host picture shows the pool's nodes
// and the orchestrated workloads; after a node fails, the one on it is down only until its pods are restarted
// elsewhere. English and Korean phones, the projector.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinPack } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { DOWNTIME_MIN, GAME_TIME_SCALE } from '../../shared/engine/race/params.js';
import { browserTest, shot, type Harness } from './support.js';
import { oneQuestionRacePack } from './fixtures.js';
import { classAtRace } from './race-setup.js';
import { WAIT, chooseDeployment, deployCard, importPack, openPicker } from './play-helpers.js';

const RACE_S = 70;
const FAILURE_S = 25;

function orchestrationPack(): GamePack {
  const base = builtinPack('daily-en');
  if (!base) throw new Error('no daily pack');
  return oneQuestionRacePack({
    base,
    scenarioId: 's-tax-season',
    meta: {
      id: 'browser-orchestration',
      title: 'Orchestration pack',
      description: 'One question and the tax-season race with a node failure.',
    },
    events: [{ kind: 'hardware-failure', atS: FAILURE_S }],
    lengthS: RACE_S,
  });
}

describe('orchestration on screen', () => {
  browserTest(
    "the picker offers Kubernetes beside containers; a failed node's pods come back",
    { timeout: 240_000, failShot: 'failed-orchestration' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    await importPack(h.url, orchestrationPack());
    const { host, phones } = await classAtRace(h, all, 'Orchestration pack');

    // The picker: on premises, Kubernetes is listed right after the plain container, and its why-lines teach.
    for (const [page, lang] of phones) {
      await page.locator('race-cards li button.claim').first().waitFor(WAIT);
      await openPicker(page);
      const picker = page.locator('deploy-picker');
      await chooseDeployment(page, { placement: 'on-prem', kind: 'orchestrated-container' });
      const values = await picker
        .locator('input[name="kind"]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(values.indexOf('orchestrated-container')).toBe(values.indexOf('container') + 1);
      expect(await picker.locator('input[name="kind"][value="orchestrated-container"]').isChecked()).toBe(true);
      await expect(picker.locator('button.deploy').isEnabled()).resolves.toBe(true);
      await picker.locator('details.more > summary').click();
      const more = picker.locator('details.more');
      await more.locator('why-cite').first().waitFor(WAIT);
      const text = (await more.textContent()) ?? '';
      expect(text).toContain(lang === 'en' ? 'control plane' : '컨트롤 플레인');
      expect(text).toContain(lang === 'en' ? 'base image' : '베이스 이미지');
      await more.locator('why-cite').first().scrollIntoViewIfNeeded();
      await shot(page, `orchestration-picker-${lang}`);
      await chooseDeployment(page, { placement: 'iaas' });
      expect(await picker.locator('input[name="kind"][value="orchestrated-container"]').count()).toBe(0);
      await page.keyboard.press('Escape');
      await picker.waitFor({ ...WAIT, state: 'detached' });
    }

    // Three workloads under the orchestrator, on a pool of three nodes: one per node.
    await deployCard(phones[0]![0], { placement: 'on-prem', kind: 'orchestrated-container' });
    await deployCard(phones[1]![0], { placement: 'on-prem', kind: 'orchestrated-container' });
    await deployCard(phones[0]![0], { placement: 'on-prem', kind: 'orchestrated-container' });
    const picture = host.locator('host-view host-picture');
    await picture.locator('li.w.orchestrated').nth(2).waitFor(WAIT);
    await shot(host, 'orchestration-projector');

    // A node fails: exactly the one workload on it is down, and back once its pods are restarted elsewhere.
    for (const [page, lang] of phones) {
      await page.locator('play-screen details.hostfold > summary').click();
      const spec = page.locator('play-screen host-picture .spec');
      await spec.waitFor(WAIT);
      expect(await spec.textContent()).toContain(lang === 'en' ? '3 nodes' : '노드 3대');
    }
    for (const [page, lang] of phones) {
      await page
        .locator('play-screen host-picture li.w.down')
        .first()
        .waitFor({ timeout: (FAILURE_S + 15) * 1000 });
      expect(await page.locator('play-screen host-picture li.w.down').count()).toBe(1);
      await page
        .locator('play-screen host-picture .strike', {
          hasText: lang === 'en' ? 'restart on another node' : '다른 노드에서 다시 뜰 때까지만',
        })
        .waitFor(WAIT);
      await shot(page, `orchestration-down-${lang}`, true);
    }
    const backInMs = DOWNTIME_MIN.podReschedule * 60_000 * GAME_TIME_SCALE;
    for (const [page, lang] of phones) {
      await page
        .locator('play-screen host-picture li.w.down')
        .first()
        .waitFor({ state: 'detached', timeout: backInMs + 10_000 });
      expect(await page.locator('play-screen host-picture li.w.orchestrated').count()).toBe(3);
      if (lang === 'ko') await shot(page, `orchestration-back-${lang}`, true);
    }

    // The race ends by itself.
    for (const [page] of phones)
      await page
        .locator('play-screen [data-phase]:not([data-phase="race"])')
        .waitFor({ timeout: (RACE_S + 30) * 1000 });
  }
});
