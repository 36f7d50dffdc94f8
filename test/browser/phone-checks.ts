// What a phone must never do: scroll sideways, or hide what a player must press below the fold without saying so.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export interface FitOptions {
  /** Elements whose buttons a player must press on this screen (shadow roots are pierced). */
  mustReach?: string[];
}

export async function expectPhoneFits(page: Page, label: string, opts: FitOptions = {}): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${label}: the page scrolls sideways (${scrollWidth} px wide in ${innerWidth} px)`,
  ).toBeLessThanOrEqual(innerWidth);
  for (const selector of opts.mustReach ?? []) {
    const buttons = page.locator(`${selector} button:visible`);
    const n = await buttons.count();
    expect(n, `${label}: nothing to press in ${selector}`).toBeGreaterThan(0);
    const height = await page.evaluate(() => innerHeight);
    const below: string[] = [];
    for (let i = 0; i < n; i++) {
      const box = await buttons.nth(i).boundingBox();
      if (box && box.y + box.height > height + 1)
        below.push(((await buttons.nth(i).textContent()) ?? '').trim().slice(0, 30));
    }
    // Below the fold only where the screen says so (a visible "more below" cue).
    if (below.length > 0) {
      const cue = await page.locator('[data-more-below]:visible').count();
      expect(cue, `${label}: below the fold without a cue: ${below.join(' | ')}`).toBeGreaterThan(0);
    }
  }
}
