// The real server on port 0 with in-memory SQLite, and Debian's Chromium: shared by the browser tests and
// bench/client.ts, so no vitest import here.
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createApp, type AppHandle } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';

export async function startServer(): Promise<{ app: AppHandle; url: string }> {
  const storage = await createStorage({ sqlitePath: ':memory:' });
  const app = createApp({ log: () => {}, storage });
  await app.ready;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  const { port } = app.http.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...extraArgs],
  });
}
