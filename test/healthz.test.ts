import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp, type AppHandle } from '../server/app.js';
import { createStorage } from '../server/storage/index.js';

describe('GET /healthz', () => {
  let app: AppHandle;
  // Its own in-memory database: never the working tree's data/ or a database another test owns.
  beforeAll(async () => {
    app = createApp({ storage: await createStorage({ sqlitePath: ':memory:' }), restore: false });
    await app.ready;
  });
  afterAll(() => app.close());
  it('answers ok on a random port', async () => {
    await new Promise<void>((resolve) => app.http.listen(0, resolve));
    const { port } = app.http.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
