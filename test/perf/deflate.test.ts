// perMessageDeflate stays off: it costs about 10x the memory per connection and disables Socket.IO's pre-encoded
// broadcast frame (see the performance issue). This fails if anyone switches it on, in the options or on the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { createApp, type AppHandle } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import type { Storage } from '../../server/storage/index.js';

describe('perMessageDeflate is off', () => {
  let app: AppHandle;
  let storage: Storage;
  let port = 0;

  beforeAll(async () => {
    storage = await createStorage({ sqlitePath: ':memory:' });
    app = createApp({ storage, restore: false });
    await app.ready;
    await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
    port = (app.http.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await app?.close();
    await storage?.close();
  });

  it('in the Socket.IO and engine.io options', () => {
    expect([false, undefined]).toContain(app.io._opts.perMessageDeflate);
    expect([false, undefined]).toContain(app.io.engine.opts.perMessageDeflate);
  });

  it('in a websocket handshake that offers permessage-deflate', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
      perMessageDeflate: { clientNoContextTakeover: true, serverNoContextTakeover: true },
    });
    const offered = new Promise<string | undefined>((resolve, reject) => {
      ws.once('upgrade', (res) => resolve(res.headers['sec-websocket-extensions']));
      ws.once('error', reject);
    });
    const opened = new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const header = await offered;
    await opened;
    // The client did offer the extension; the server must not have accepted it.
    expect(header ?? '').not.toMatch(/permessage-deflate/i);
    expect(ws.extensions).toBe('');
    ws.close();
  });
});
