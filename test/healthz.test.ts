import { describe, it, expect, afterAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app.js';

describe('GET /healthz', () => {
  const app = createApp();
  afterAll(() => app.close());
  it('answers ok on a random port', async () => {
    await new Promise<void>((resolve) => app.http.listen(0, resolve));
    const { port } = app.http.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
