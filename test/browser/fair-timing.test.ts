// Fair timing in the browser (issue 8): two phones, one 10 ms and one 300 ms from the server, both answer the same
// question 2 s after it appeared on their own screen; the server measures each one's round trip and both get the
// same points within 1. The delay is Chromium's network emulation (DevTools protocol) for HTTP and, since that
// emulation leaves WebSocket frames alone, a delaying TCP proxy in front of the server for everything.
import { afterAll, describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { optionsPack } from './fixtures.js';
import { browserTest, newPage, type Harness } from './support.js';
import { latencyProxy, type LatencyProxy } from './latency-proxy.js';
import { schoolUrl } from './launch.js';
import { WAIT, changed, createGame, hostControl, importPack, joinAs, scoreNumber, shots } from './play-helpers.js';

/** One-way delay for each phone (ms): the proxy adds it each way; CDP's emulation adds it to each HTTP request. */
const LATENCY = { near: 10, far: 300 } as const;

describe('fair timing in the browser', () => {
  const proxies: LatencyProxy[] = [];
  browserTest(
    'gives a near and a far phone the same points for the same reaction time',
    { timeout: 120_000, failShot: 'failed-timing' },
    play,
  );
  // Registered after browserTest's, so it runs before the harness closes (vitest runs after-hooks as a stack).
  afterAll(async () => {
    for (const p of proxies) await p.close();
  });

  /** Taps the right answer 2 s (by the phone's own clock) after the question appeared on its screen. */
  async function tapAfterTwoSeconds(page: Page, value: boolean): Promise<void> {
    await page.locator('question-answer').waitFor(WAIT);
    await page.locator('question-answer').evaluate(
      (qa, index) =>
        new Promise<void>((resolve, reject) => {
          const shownAt = Number((qa as HTMLElement).dataset.shownAt);
          const button = qa.shadowRoot
            ?.querySelector('answer-choices')
            ?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.ans')[index];
          if (!button || !Number.isFinite(shownAt)) return reject(new Error('no answer button'));
          // The reaction time is the stimulus here: the tap happens when the phone's own clock says 2 s have passed.
          const poll = () => (performance.now() - shownAt >= 2000 ? (button.click(), resolve()) : setTimeout(poll, 4));
          poll();
        }),
      value ? 0 : 1,
    );
    await page.locator('[data-testid="answered"], play-screen .feedback').first().waitFor(WAIT);
  }

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { pack, answers } = optionsPack('browser-timing-en', 'Timing test pack');
    await importPack(h.url, pack);
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    const code = await createGame(host, {
      packTitle: 'Timing test pack',
      questionTimeS: 20,
      checks: { speedPoints: true, streakBonus: false, showQuestionOnDevices: false },
    });

    const phones: Page[] = [];
    for (const [name, latency] of [
      ['Near', LATENCY.near],
      ['Far', LATENCY.far],
    ] as const) {
      const proxy = await latencyProxy(h.url, latency);
      proxies.push(proxy);
      const { context, page } = await newPage(h, 'phone', 'en', schoolUrl(proxy.url));
      all.push(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await joinAs(page, code, name);
      phones.push(page);
    }
    await hostControl(host, 'Start game');
    const current = await changed(host, 'host-view', 'lobby:-1');
    expect(current.startsWith('question')).toBe(true);
    // "Show the question on devices" is off: the phones show the answer buttons and send readers to the projector.
    await phones[0]!.locator('play-screen .prompt', { hasText: 'big screen' }).waitFor(WAIT);
    await shots(phones[0]!, 'player-question-hidden');
    await Promise.all(phones.map((p) => tapAfterTwoSeconds(p, answers[0]!)));
    await changed(host, 'host-view', current);
    for (const p of phones) await p.locator('play-screen .feedback.right').waitFor(WAIT);
    const [near, far] = [await scoreNumber(phones[0]!), await scoreNumber(phones[1]!)];
    // The delay is really there: a round trip to the server from the far phone takes at least 2 x 300 ms.
    const rtt = await phones[1]!.evaluate(async () => {
      const t0 = performance.now();
      await fetch('/healthz', { cache: 'no-store' });
      return performance.now() - t0;
    });
    expect(rtt).toBeGreaterThanOrEqual(LATENCY.far * 2);
    expect(near).toBeGreaterThan(0);
    expect(Math.abs(near - far), `near ${near}, far ${far}`).toBeLessThanOrEqual(1);
  }
});
