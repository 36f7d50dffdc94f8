// A student plays with the keyboard only: the landing page's code field has the focus, Enter joins, the name field
// has the focus, Enter takes the seat, and a question is answered with the arrow keys and Enter. The focus ring is
// clear on every answer colour. The next question (a number in GB) fits the phone's width in both languages.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, changed, createGame, hostControl, key, shots } from './play-helpers.js';

/** The focused element's id, classes and tag, looking into shadow roots. */
async function focused(page: Page): Promise<{ id: string; cls: string; tag: string; text: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      id: el?.id ?? '',
      cls: el?.className ?? '',
      tag: el?.tagName.toLowerCase() ?? '',
      text: el?.textContent?.trim() ?? '',
    };
  });
}

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused answer's ring: its outline, the ring between it and the button, and the colours either side. */
async function ring(page: Page) {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const s = getComputedStyle(el!);
    return {
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth),
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      button: s.backgroundColor,
      page: getComputedStyle(document.body).backgroundColor,
    };
  });
}

describe('keyboard play', () => {
  browserTest(
    'a student joins and answers with the keyboard only',
    { timeout: 180_000, failShot: 'failed-keyboard' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    const code = await createGame(host, {
      packTitle: 'The full virtualization course',
      questionTimeS: 60,
      checks: { races: false },
    });

    const { page: phone } = await newPage(h, 'phone', 'en');
    all.push(phone);
    await phone.goto('/');
    // Students first: the join box is the first thing on the page and its code field has the focus.
    await phone.locator('landing-view #code').waitFor(WAIT);
    expect((await focused(phone)).id).toBe('code');
    await expect(phone.locator('landing-view create-form').count()).resolves.toBe(0);
    await shots(phone, 'landing-phone');
    // From the top of the page, the code field is a few Tabs away (skip link, header), not 17.
    await phone.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let tabs = 0;
    while ((await focused(phone)).id !== 'code' && tabs < 20) {
      await phone.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(6);

    await phone.keyboard.type(code);
    await phone.keyboard.press('Enter');
    await phone.waitForURL(new RegExp(`/join/${code}$`), WAIT);
    await phone.locator('player-view #nick').waitFor(WAIT);
    await expect.poll(async () => (await focused(phone)).id, WAIT).toBe('nick');
    await phone.keyboard.type('Keys');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(new RegExp(`/play/${code}$`), WAIT);
    await phone.locator('play-screen [data-phase="lobby"]').waitFor(WAIT);

    await host.locator('host-view .players li', { hasText: 'Keys' }).waitFor(WAIT);
    await hostControl(host, 'Start game');

    // The question opens with the first answer focused; the arrows move between the answers, wrapping around.
    await phone.locator('answer-choices button.ans').first().waitFor(WAIT);
    await expect.poll(async () => (await focused(phone)).cls, WAIT).toContain('ans a');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      const f = await focused(phone);
      seen.push(f.cls.replace(/^ans\s+/, '').trim());
      const r = await ring(phone);
      // A ring of its own colour, clear against the page, held off the answer's colour by a light band.
      expect(r.outlineStyle, f.cls).toBe('solid');
      expect(r.outlineWidth, f.cls).toBeGreaterThanOrEqual(3);
      expect(contrast(r.outlineColor, r.page), f.cls).toBeGreaterThanOrEqual(3);
      expect(r.boxShadow, f.cls).toMatch(/rgb\(255, 255, 255\)/);
      if (f.cls.includes(' b')) await shot(phone, 'keyboard-focus-blue-en');
      await phone.keyboard.press('ArrowRight');
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect((await focused(phone)).cls).toContain('ans a');
    await phone.keyboard.press('ArrowLeft');
    expect((await focused(phone)).cls).toContain('ans d');
    await phone.keyboard.press('Home');
    await phone.keyboard.press('ArrowDown');
    expect((await focused(phone)).cls).toContain('ans b');
    // One tab stop for the group: Tab leaves the answers.
    const tabbable = await phone.locator('answer-choices button.ans[tabindex="0"]').count();
    expect(tabbable).toBe(1);
    await expectAccessible(phone, 'keyboard question');
    await phone.keyboard.press('Enter');
    // The only player answered: the question closes and the phone shows how it went.
    await phone.locator('play-screen .feedback').waitFor(WAIT);

    // The next question asks for a number of GB: the unit stays on screen, the page never scrolls sideways.
    let current = await key(host, 'host-view');
    while (!current.startsWith('question')) {
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
    }
    await phone.locator('answer-numeric .unit').waitFor(WAIT);
    await expect(phone.locator('answer-numeric .unit').textContent()).resolves.toBe('GB');
    const fits = () =>
      phone.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    const box = await phone.locator('answer-numeric .unit').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const w = await fits();
    expect(w.scroll).toBeLessThanOrEqual(w.inner);
    await shots(phone, 'numeric-unit-phone');
    const wKo = await fits();
    expect(wKo.scroll).toBeLessThanOrEqual(wKo.inner);
    await phone.locator('answer-numeric #num').focus();
    await phone.keyboard.type('16');
    await phone.keyboard.press('Enter');
    await phone.locator('play-screen .feedback').waitFor(WAIT);
  }
});
