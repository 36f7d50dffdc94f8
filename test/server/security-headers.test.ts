// Phones open the join link at the computer's address over plain HTTP. No header may send them to https://
// (which nothing serves): CSP `upgrade-insecure-requests` and HSTS only go with requests that came over HTTPS.
import type { AddressInfo } from 'node:net';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppHandle, type AppOptions } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import { silentLogger } from '../../server/log.js';

async function serve(options: AppOptions): Promise<{ app: AppHandle; port: number }> {
  const app = createApp({
    log: silentLogger,
    storage: await createStorage({ sqlitePath: ':memory:' }),
    restore: false,
    ...options,
  });
  await app.ready;
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  return { app, port: (app.http.address() as AddressInfo).port };
}

/** GET with the Host (and other) headers a phone or a proxy would send. */
function headersOf(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<Record<string, string | string[] | undefined>> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.headers);
    })
      .on('error', reject)
      .end();
  });
}

const upgrades = (h: Record<string, unknown>) =>
  String((h['content-security-policy'] as string | undefined) ?? '').includes('upgrade-insecure-requests');

describe('security headers on plain HTTP and behind HTTPS', () => {
  const apps: AppHandle[] = [];
  let plain: number;
  let proxied: number;
  let published: number;
  beforeAll(async () => {
    const a = await serve({});
    const b = await serve({ trustProxy: 'loopback' });
    const c = await serve({ publicUrl: 'https://quiz.school.example' });
    apps.push(a.app, b.app, c.app);
    [plain, proxied, published] = [a.port, b.port, c.port];
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it("a phone at the computer's network address is never sent to https", async () => {
    for (const path of ['/', '/join/123456', '/api/packs', '/healthz']) {
      const h = await headersOf(plain, path, { host: '192.168.0.12:3000' });
      expect(upgrades(h), path).toBe(false);
      expect(h['strict-transport-security'], path).toBeUndefined();
      // The rest of the policy stays.
      expect(String(h['content-security-policy']), path).toContain("default-src 'self'");
      expect(h['x-content-type-options'], path).toBe('nosniff');
    }
    // A forged X-Forwarded-Proto from an untrusted client changes nothing.
    const forged = await headersOf(plain, '/', { host: '192.168.0.12:3000', 'x-forwarded-proto': 'https' });
    expect(upgrades(forged)).toBe(false);
    expect(forged['strict-transport-security']).toBeUndefined();
  });

  it('behind a trusted HTTPS proxy, or at an https PUBLIC_URL, keeps them', async () => {
    const viaProxy = await headersOf(proxied, '/', { host: 'quiz.school.example', 'x-forwarded-proto': 'https' });
    expect(upgrades(viaProxy)).toBe(true);
    expect(viaProxy['strict-transport-security']).toMatch(/max-age=\d+/);
    const plainViaProxy = await headersOf(proxied, '/', { host: '192.168.0.12:3000' });
    expect(upgrades(plainViaProxy)).toBe(false);

    const atPublic = await headersOf(published, '/', { host: 'quiz.school.example' });
    expect(upgrades(atPublic)).toBe(true);
    expect(atPublic['strict-transport-security']).toMatch(/max-age=\d+/);
    // The same server opened at its LAN address over HTTP still works.
    const atLan = await headersOf(published, '/', { host: '10.0.0.5:3000' });
    expect(upgrades(atLan)).toBe(false);
    expect(atLan['strict-transport-security']).toBeUndefined();
  });
});
