// Client figures (`npm run bench client`): builds the client, then reports
//   - JS and CSS sizes, gzip, per entry: the player view's first load (app shell + the player route and everything
//     they import statically) against the chunks only the host, report, solo, landing or a race bring;
//   - the player view's first contentful paint (the HTML's own header placeholder paints first) under a throttled
//     mobile profile, against the real server on port 0:
//     Chromium's DevTools protocol with Network.emulateNetworkConditions (1.6 Mbps down, 750 kbps up, 150 ms RTT)
//     and Emulation.setCPUThrottlingRate 4, a fresh browser context (cold cache) per run, median of 5.
// Goals (issue 6): player view JS under 60 KB gzip, FCP under 1 s.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium, startServer } from '../test/browser/launch.js';
import type { Figure } from './engine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist/client');
const RUNS = 5;
const PROFILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  cpuRate: 4,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function gz(file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

/**
 * Chunks a chunk imports statically (`import ... from "./x.js"` / `import "./x.js"`), transitively; dynamic imports
 * excluded.
 */
function closure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["']\.\/([\w.-]+\.js)["']/g)) todo.push(`assets/${m[1]}`);
  }
  return seen;
}

function sizes(): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/src="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const css = [...html.matchAll(/href="\/?(assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(dist, 'assets'));
  const find = (prefix: string) => assets.find((a) => a.startsWith(`${prefix}-`) && a.endsWith('.js'));
  const chunk = (prefix: string) => {
    const f = find(prefix);
    if (!f) throw new Error(`no ${prefix} chunk in the build`);
    return `assets/${f}`;
  };
  const shell = closure(entry);
  // The player route may be its own chunk or part of the shell.
  const playerChunk = find('player-view');
  const player = closure([...shell, ...(playerChunk ? [`assets/${playerChunk}`] : [])]);
  const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + gz(f), 0);
  const extra = (prefix: string) => sum([...closure([chunk(prefix)])].filter((f) => !player.has(f)));
  const playerJs = sum(player);
  const cssGz = sum(css);
  const allJs = sum(assets.filter((a) => a.endsWith('.js')).map((a) => `assets/${a}`));
  return [
    {
      name: 'player view first load: JS (shell + player route), gzip',
      value: kb(playerJs),
      unit: 'KB',
      goal: `< 60 KB: ${kb(playerJs) < 60 ? 'PASS' : 'MISS'}`,
    },
    { name: 'player view first load: CSS, gzip', value: kb(cssGz), unit: 'KB' },
    { name: 'app shell alone (entry chunk and its imports), gzip', value: kb(sum(shell)), unit: 'KB' },
    {
      name: 'race parts, loaded when a race starts (beyond player view), gzip',
      value: kb(extra('race-parts')),
      unit: 'KB',
    },
    { name: 'host view chunks (beyond player view), gzip', value: kb(extra('host-view')), unit: 'KB' },
    { name: 'report view chunks (beyond player view), gzip', value: kb(extra('report-view')), unit: 'KB' },
    { name: 'solo view chunks (beyond player view), gzip', value: kb(extra('solo-view')), unit: 'KB' },
    { name: 'landing view chunks (beyond player view), gzip', value: kb(extra('landing-view')), unit: 'KB' },
    { name: 'all JS in the build, gzip', value: kb(allJs), unit: 'KB' },
  ];
}

async function paint(): Promise<Figure[]> {
  const { app, url } = await startServer();
  const browser = await launchChromium();
  const fcp: number[] = [];
  const ready: number[] = [];
  const shell: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'en-US',
      });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: PROFILE.latency,
        downloadThroughput: PROFILE.downloadThroughput,
        uploadThroughput: PROFILE.uploadThroughput,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuRate });
      await page.goto(`${url}/join/123456`, { waitUntil: 'commit' });
      // The app's own header (rendered by the script, replacing the HTML's placeholder header).
      await page.locator('hostrush-app header').waitFor({ timeout: 60_000 });
      shell.push(await page.evaluate(() => performance.now()));
      // The join form is the player view's first screen; FCP comes from the browser's own paint timing.
      await page.locator('player-view #nick').waitFor({ timeout: 60_000 });
      const readyAt = await page.evaluate(() => performance.now());
      const first = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const e = performance.getEntriesByName('first-contentful-paint')[0];
            if (e) return resolve(e.startTime);
            new PerformanceObserver((list) => {
              const p = list.getEntriesByName('first-contentful-paint')[0];
              if (p) resolve(p.startTime);
            }).observe({ type: 'paint', buffered: true });
          }),
      );
      fcp.push(first);
      ready.push(readyAt);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  const f = Math.round(median(fcp));
  return [
    {
      name: `player view FCP, throttled mobile (median of ${RUNS})`,
      value: f,
      unit: 'ms',
      goal: `< 1000 ms: ${f < 1000 ? 'PASS' : 'MISS'}`,
    },
    { name: `player view FCP, slowest of ${RUNS}`, value: Math.round(Math.max(...fcp)), unit: 'ms' },
    { name: 'app started (script-rendered header), median', value: Math.round(median(shell)), unit: 'ms' },
    { name: 'player join form ready (nickname field shown), median', value: Math.round(median(ready)), unit: 'ms' },
  ];
}

export async function clientBench(): Promise<Figure[]> {
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
  return [...sizes(), ...(await paint())];
}
