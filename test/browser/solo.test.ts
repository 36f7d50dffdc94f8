// A learner plays today's solo challenge in Chromium: the run is verified by the server and enters the leaderboard,
// the personal best is kept in the browser.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, answer, changed, deployCard, key, shots } from './play-helpers.js';

describe('solo daily challenge in the browser', () => {
  browserTest(
    'plays the daily challenge to the end and enters the leaderboard',
    { timeout: 300_000, failShot: 'failed-solo' },
    playSolo,
  );

  async function playSolo(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'phone', 'en');
    all.push(page);
    await page.goto('/solo');
    await page.locator('solo-view #sname').waitFor(WAIT);
    await expectAccessible(page, 'solo setup');
    await shots(page, 'solo-setup');
    await page.locator('solo-view #sname').fill('Solo Sam');
    await page.locator('solo-view button.go').click();

    let current = await key(page, 'solo-view play-screen');
    let deployed = false;
    for (let guard = 0; guard < 300 && !current.startsWith('podium'); guard++) {
      if (current.startsWith('lobby')) {
        // The run starts by itself; wait for the first step.
      } else if (current.startsWith('question')) {
        // Read the question first, as a person does (an answer before the question's reading floor earns no more
        // speed points than one at the floor), so answer once the countdown has visibly ticked.
        const first = (await page.locator('play-screen count-down .num').textContent()) ?? '';
        await page
          .locator('play-screen count-down .num')
          .filter({ hasNotText: new RegExp(`^${first.trim()}$`) })
          .waitFor(WAIT);
        await answer(page);
        if ((await key(page, 'solo-view play-screen')) === current) {
          await page
            .locator('solo-view .bar button', { hasText: 'End question now' })
            .click()
            .catch(() => undefined);
        }
      } else if (current.startsWith('race:')) {
        if (!deployed) {
          await deployCard(page, { before: () => shot(page, 'solo-race-picker-en') });
          deployed = true;
        }
        await page.locator('solo-view .bar button', { hasText: 'End race now' }).click();
      } else {
        if (current.startsWith('race-result')) {
          // The race's cloud bill, with the best-known plan's beside it.
          await page.locator('play-screen cloud-bill').waitFor(WAIT);
          await expectAccessible(page, 'solo cloud bill');
          await shots(page, 'solo-bill', true);
        }
        await page.locator('solo-view .bar button', { hasText: 'Continue' }).click();
      }
      current = await changed(page, 'solo-view play-screen', current);
    }
    expect(current.startsWith('podium')).toBe(true);
    await page.locator('solo-view .result leader-board li', { hasText: 'Solo Sam' }).waitFor(WAIT);
    await expect(page.locator('solo-view .result').textContent()).resolves.toContain('Verified');
    // The run had one race with a deployment: a share of the best-known plan above zero.
    expect(
      Number((await page.locator('solo-view [data-testid="plan-pct"]').textContent())?.match(/\d+/)?.[0]),
    ).toBeGreaterThan(0);
    await expectAccessible(page, 'solo result');
    await shots(page, 'solo-result', true);
    const best = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hostrush.soloBest.')));
    expect(best.length).toBe(1);
  }
});
