// A solo run against bots moves at the player's pace: a question closes as soon as the player has answered (the
// bots' answers are kept at the times they drew), and the race ends by itself and shows its result; nobody presses
// "end now". The bots are named once each, with their level, in the reader's language.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, newPage, type Harness } from './support.js';
import { WAIT, answer, changed, key, shots } from './play-helpers.js';

const ROOT = 'solo-view play-screen';

/** Counts clicks on the solo bar's "End question now" / "End race now" buttons (there must be none). */
async function countEndNow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { endNowClicks: number };
    w.endNowClicks = 0;
    document.addEventListener(
      'click',
      (e) => {
        const text = (e.composedPath()[0] as HTMLElement | undefined)?.textContent ?? '';
        if (/End (question|race) now/.test(text)) w.endNowClicks++;
      },
      true,
    );
  });
}

describe('solo pace', () => {
  browserTest(
    'a solo question closes when the player has answered, and the race ends by itself',
    { timeout: 280_000, failShot: 'failed-solo-pace' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'phone', 'en');
    all.push(page);
    await page.goto('/solo');
    await page.locator('solo-view #sname').fill('Pace');
    await page.locator('solo-view label.choice', { hasText: '10-minute warm-up' }).click(WAIT);
    for (const level of ['Easy bot', 'Hard bot'])
      await page.locator('solo-view label.check', { hasText: level }).click();
    await page.locator('solo-view button.go').click();
    await countEndNow(page);

    let current = await key(page, ROOT);
    let questions = 0;
    let raced = false;
    for (let guard = 0; guard < 80 && !current.startsWith('podium'); guard++) {
      if (current.startsWith('question')) {
        // Answer once the countdown has visibly ticked (the server refuses answers faster than a person's).
        const first = ((await page.locator('play-screen count-down .num').textContent()) ?? '').trim();
        await page
          .locator('play-screen count-down .num')
          .filter({ hasNotText: new RegExp(`^${first}$`) })
          .waitFor(WAIT);
        await answer(page);
        // The bots answer at once: the reveal comes well inside the question's time (20 s or more).
        const at = Date.now();
        current = await changed(page, ROOT, current);
        expect(current.startsWith('reveal'), current).toBe(true);
        expect(Date.now() - at).toBeLessThan(8_000);
        questions++;
        continue;
      }
      if (current.startsWith('race:')) {
        raced = true;
        // Nobody ends it: the race runs its time (90 s) and the phone moves on to the result.
        await page.locator(`${ROOT} [data-key]:not([data-key="${current}"])`).first().waitFor({ timeout: 150_000 });
        current = await key(page, ROOT);
        expect(current.startsWith('race-result'), current).toBe(true);
        await page.locator('play-screen cloud-bill').waitFor(WAIT);
        await shots(page, 'solo-pace-race-result');
        continue;
      }
      await page.locator('solo-view .bar button', { hasText: 'Continue' }).click();
      current = await changed(page, ROOT, current);
    }
    expect(current.startsWith('podium')).toBe(true);
    expect(questions).toBe(10);
    expect(raced).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { endNowClicks: number }).endNowClicks)).toBe(0);
    await expect(page.locator('solo-view .result').textContent()).resolves.toContain('Verified');
    // The bots on the podium: each named once, with its level.
    const standings = (await page.locator(`${ROOT} podium-stand .name`).allTextContents()).join(' | ');
    expect(standings).toMatch(/Hard bot \d/);
    expect(standings).not.toMatch(/\(bot\)|\(hard\)/i);
    await shots(page, 'solo-pace-podium', true);
  }
});
