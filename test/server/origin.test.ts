// Browsers apply no CORS to WebSockets: the server itself refuses a socket opened by a page of another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { originAllowed } from '../../server/http/io-server.js';
import { startServer, type TestServer } from './harness.js';

describe('WebSocket origin check', () => {
  it('allows same-origin, listed origins and non-browser clients, refuses other sites', () => {
    expect(originAllowed(undefined, 'localhost:3000', undefined)).toBe(true);
    expect(originAllowed('http://localhost:3000', 'localhost:3000', undefined)).toBe(true);
    expect(originAllowed('https://evil.example', 'localhost:3000', undefined)).toBe(false);
    expect(originAllowed('https://school.example', 'localhost:3000', ['https://school.example'])).toBe(true);
    expect(originAllowed('not a url', 'localhost:3000', undefined)).toBe(false);
  });

  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const open = (origin: string) =>
    new Promise<'open' | 'refused'>((resolve) => {
      const url = server.url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket';
      const ws = new WebSocket(url, { headers: { origin } });
      ws.on('open', () => {
        ws.close();
        resolve('open');
      });
      ws.on('error', () => resolve('refused'));
      ws.on('unexpected-response', () => resolve('refused'));
    });

  it('refuses a real upgrade from another site and accepts one from the page itself', async () => {
    expect(await open('https://evil.example')).toBe('refused');
    expect(await open(server.url)).toBe('open');
  });
});
