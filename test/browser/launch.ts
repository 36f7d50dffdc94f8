// The real server on port 0 with in-memory SQLite, and Debian's Chromium: shared by the browser tests and
// bench/client.ts, so no vitest import here.
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createApp, type AppHandle } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import { silentLogger } from '../../server/log.js';

export async function startServer(): Promise<{ app: AppHandle; url: string }> {
  const storage = await createStorage({ sqlitePath: ':memory:' });
  const app = createApp({ log: silentLogger, storage });
  await app.ready;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

/**
 * The name pages open the app at, as phones on a school network do: not `localhost`, which browsers treat as a
 * secure origin (no https upgrade, every secure-context API), and which hid a blank page from the tests once.
 * Chromium maps it to 127.0.0.1 itself, so nothing leaves loopback.
 */
export const SCHOOL_HOST = 'school.test';

/** The same server at the school's name (`http://127.0.0.1:1234` -> `http://school.test:1234`), for pages. */
export function schoolUrl(url: string): string {
  const u = new URL(url);
  u.hostname = SCHOOL_HOST;
  return u.origin;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--host-resolver-rules=MAP ${SCHOOL_HOST} 127.0.0.1`,
      ...extraArgs,
    ],
  });
}
