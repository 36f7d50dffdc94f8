// The client's files as a phone gets them: compressed, hashed assets cached for good, client routes served the page.
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../browser/launch.js';

describe('serving the client', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.app.close());

  const get = (path: string, encoding = 'gzip') =>
    fetch(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } });

  it('sends the scripts gzipped and cached for good (their names carry a content hash)', async () => {
    const script = readdirSync(new URL('../../dist/client/assets/', import.meta.url)).find(
      (f) => f.endsWith('.js') && f.startsWith('index-'),
    )!;
    const res = await get(`/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes the body: it must be the built file, byte for byte.
    const original = readFileSync(new URL(`../../dist/client/assets/${script}`, import.meta.url));
    expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true);
    // On the wire: gzip, and much smaller than the file.
    const wire = await new Promise<Buffer>((resolve, reject) => {
      request(`${server.url}/assets/${script}`, { headers: { 'accept-encoding': 'gzip' } }, (raw) => {
        const chunks: Buffer[] = [];
        raw.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(gunzipSync(wire).equals(original)).toBe(true);
    expect(wire.length).toBeLessThan(original.length / 2);
  });

  it('does not cache the page itself for good, and serves it for client routes', async () => {
    for (const path of ['/', '/join/123456']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
      expect(await res.text()).toContain('<html');
    }
  });

  it('sends plain bytes to a client that does not accept gzip', async () => {
    const res = await get('/', 'identity');
    expect(res.headers.get('content-encoding')).toBeNull();
  });
});
