// GET /api/join-origins: what the host page puts in the join link and QR code (shared/protocol/join-origin.ts).
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type AppHandle } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import { silentLogger } from '../../server/log.js';

const apps: AppHandle[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function serve(host: string | undefined, publicUrl?: string): Promise<string> {
  const app = createApp({
    log: silentLogger,
    storage: await createStorage({ sqlitePath: ':memory:' }),
    ...(publicUrl ? { publicUrl } : {}),
  });
  apps.push(app);
  await app.ready;
  await new Promise<void>((resolve) => (host ? app.http.listen(0, host, resolve) : app.http.listen(0, resolve)));
  return `http://127.0.0.1:${(app.http.address() as AddressInfo).port}`;
}

const get = async (url: string) => (await fetch(`${url}/api/join-origins`)).json();

describe('GET /api/join-origins', () => {
  it('listening on every interface: the machine’s IPv4 network addresses with the port', async () => {
    const url = await serve(undefined);
    const port = new URL(url).port;
    const expected = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .filter((i) => i.family === 'IPv4' && !i.internal)
      .map((i) => `http://${i.address}:${port}`);
    expect(await get(url)).toEqual({ publicUrl: null, lan: expected });
  });

  it('listening on loopback only: no network address; PUBLIC_URL is passed on', async () => {
    expect(await get(await serve('127.0.0.1'))).toEqual({ publicUrl: null, lan: [] });
    expect(await get(await serve('127.0.0.1', 'https://quiz.school.example'))).toEqual({
      publicUrl: 'https://quiz.school.example',
      lan: [],
    });
  });
});
