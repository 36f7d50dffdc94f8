// Browser-test support: start the real server on port 0 with in-memory SQLite (the client is built once before
// the run, by test/global-setup.ts), launch Debian's Chromium, run axe, save screenshots.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AppHandle } from '../../server/app.js';
import { launchChromium, schoolUrl, startServer } from './launch.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(root, 'test/screenshots');

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let skipNoted = false;

/**
 * Without Chromium, browser tests are skipped with one line saying how to run them; under CI=true (as `.ci/run` sets
 * it) a missing browser fails the run, so CI never skips them silently.
 */
function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') {
    it('has a browser for the browser tests', () => {
      throw new Error(
        `CI=true but no Chromium at ${CHROMIUM}: install Debian's chromium and fonts-noto-cjk (see .ci/run).`,
      );
    });
    return false;
  }
  if (!skipNoted) {
    skipNoted = true;
    console.warn(
      `Browser tests skipped: no Chromium at ${CHROMIUM}. Install it (apt-get ` +
        `install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`,
    );
  }
  it.skip('browser test (no Chromium here)', () => {});
  return false;
}

export interface Harness {
  /** The server for Node-side calls (127.0.0.1). */
  url: string;
  /** The same server as phones and the projector open it: at the school's network name, over plain HTTP. */
  pageUrl: string;
  app: AppHandle;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const { app, url } = await startServer();
  const browser = await launchChromium();
  return {
    url,
    pageUrl: schoolUrl(url),
    app,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/**
 * One browser test with its own harness (started before the describe block's tests, closed after them).
 * `play` pushes each page it opens into `pages`; when it throws, each is saved as `<failShot>-<i>.png` first.
 */
export function browserTest(
  title: string,
  opts: { timeout: number; failShot: string },
  play: (h: Harness, pages: Page[]) => Promise<void>,
): void {
  if (!browserAvailable()) return;
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });
  it(title, { timeout: opts.timeout }, async () => {
    const pages: Page[] = [];
    try {
      await play(h!, pages);
    } catch (err) {
      for (const [i, page] of pages.entries()) await shot(page, `${opts.failShot}-${i}`).catch(() => undefined);
      throw err;
    }
  });
}

export type Device = 'projector' | 'phone';

export async function newPage(
  h: Harness,
  device: Device,
  lang: 'ko' | 'en',
  baseURL = h.pageUrl,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    baseURL,
    locale: lang === 'ko' ? 'ko-KR' : 'en-US',
    viewport: device === 'projector' ? { width: 1920, height: 1080 } : { width: 390, height: 844 },
    deviceScaleFactor: 1,
    hasTouch: device === 'phone',
    acceptDownloads: true,
    // The page runs under the server's own CSP, as on a phone (bypassing it once hid a blank page); axe-core is
    // evaluated through the DevTools protocol, which CSP does not govern.
    // Checks run on settled frames (axe mid-animation sees half-faded text); also exercises the reduced-motion styles.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    throw err;
  });
  return { context, page };
}

const axePath = join(root, 'node_modules/axe-core/axe.min.js');
let axeScript: string | null = null;
const axeSource = (): string => (axeScript ??= readFileSync(axePath, 'utf8'));

/** Runs axe-core on the page (open shadow roots included) and fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string;
              help: string;
              nodes: Array<{ target: unknown; failureSummary: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, summary: n.failureSummary })),
      }));
  });
  expect(violations, `${label}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
