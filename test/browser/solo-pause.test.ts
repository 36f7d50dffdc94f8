// Solo pause (issue 13, "Solo pause-to-read"): pausing hides the question. The phone shows a paused screen with
// nothing of the question on it (the server sends none of its text while paused), and resuming brings it back.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, key, shots } from './play-helpers.js';

describe('solo pause in the browser', () => {
  browserTest(
    'a paused solo question is hidden behind a paused screen and comes back on resume',
    { timeout: 120_000, failShot: 'failed-solo-pause' },
    pauseSolo,
  );

  async function pauseSolo(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'phone', 'en');
    all.push(page);
    await page.goto('/solo');
    await page.locator('solo-view #sname').waitFor(WAIT);
    await page.locator('solo-view #sname').fill('Paula');
    await page.locator('solo-view button.go').click();
    await page.locator('solo-view play-screen [data-key^="question"]').waitFor(WAIT);
    const qa = page.locator('solo-view play-screen question-answer');
    await qa.waitFor(WAIT);
    await shot(page, 'solo-question-before-pause-en');

    await page.locator('solo-view .bar button', { hasText: 'Pause' }).click();
    const paused = page.locator('solo-view [data-testid="solo-paused"]');
    await paused.waitFor(WAIT);
    await expect(paused.innerText()).resolves.toContain('hidden');
    // Nothing of the question shows (the server's paused view holds no text of it either: test/server/fair-play).
    await expect(page.locator('solo-view play-screen').isVisible()).resolves.toBe(false);
    await expectAccessible(page, 'solo paused');
    await shots(page, 'solo-paused');

    await page.locator('solo-view [data-testid="solo-paused"] button', { hasText: 'Resume' }).click();
    await paused.waitFor({ ...WAIT, state: 'detached' });
    await qa.waitFor(WAIT);
    await expect(page.locator('solo-view play-screen').isVisible()).resolves.toBe(true);
    expect((await key(page, 'solo-view play-screen')).startsWith('question')).toBe(true);
    await shot(page, 'solo-question-after-resume-en');
  }
});
