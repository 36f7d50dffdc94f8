// Flood (docs/SECURITY.md): per client address budgets for making rooms, solo runs and imported packs, so a script
// opening many sockets or HTTP requests from one address cannot fill the room cap or push teachers' packs out.
// Addresses are played with X-Forwarded-For, believed only when the app trusts the proxy (TRUST_PROXY).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createClient } from 'redis';
import { expectOk, startServer, TestClient, type TestServer } from '../server/harness.js';
import { AddressLimiter, TokenBucket, windowOf } from '../../server/security/rate-limit.js';
import { trustProxyFromEnv } from '../../server/security/client-address.js';
import { errorCounts } from './support.js';

const PACK = 'warmup-en';
const CSV =
  'question,answer 1,answer 2,answer 3,answer 4,time limit,correct ' +
  'answer\nWhat shares the host kernel?,VM,Container,,,20,2\n';
// Small budgets so a flood is a handful of calls; no refill within a test (one token per 1,000 s).
const SLOW = 0.001;
const RATES = {
  roomCreateRate: { burst: 3, ratePerS: SLOW },
  soloStartRate: { burst: 5, ratePerS: SLOW },
  packImportRate: { burst: 2, ratePerS: SLOW },
  soloVerifyRate: { burst: 2, ratePerS: SLOW },
};

const refused = (reply: unknown) =>
  expect(reply).toMatchObject({
    ok: false,
    error: { code: 'rate/limited', message: expect.stringMatching(/try again in \d+ s/) },
  });

/** A socket whose handshake says it comes (through a proxy) from `address`; a fresh socket each time. */
async function clientFrom(server: TestServer, address: string): Promise<TestClient> {
  const socket = connect(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': address },
  });
  const client = new TestClient(socket);
  server.clients.push(client);
  await client.connected();
  return client;
}

/** A teacher's host key: imports belong to the key that sends them. */
const HOST_KEY = 'flood-teacher-key-0123456789ab';
const post = (server: TestServer, path: string, address: string, type: string, body: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-forwarded-for': address, 'x-host-key': HOST_KEY },
    body,
  });
const postRoom = (server: TestServer, address: string) =>
  post(server, '/api/rooms', address, 'application/json', JSON.stringify({ packId: PACK }));
const importCsv = (server: TestServer, address: string) =>
  post(server, '/api/packs/import?title=Flood&lang=en', address, 'text/csv', CSV);
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const rateLimitedCount = async (server: TestServer) =>
  errorCounts(await (await fetch(`${server.url}/metrics`)).text())['rate/limited'] ?? 0;

describe('per-address budgets behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ ...RATES, trustProxy: 'loopback' });
  });
  afterAll(() => server.close());

  it(
    'room:create: one address flooding over many sockets is refused ' +
      'rate/limited, no room made; another address still creates one',
    async () => {
      const rooms = () => server.app.manager().rooms.size;
      for (let i = 0; i < 3; i++)
        expectOk(await (await clientFrom(server, '203.0.113.1')).call('room:create', { packId: PACK }));
      const before = rooms();
      const countedBefore = await rateLimitedCount(server);
      for (let i = 0; i < 5; i++)
        refused(await (await clientFrom(server, '203.0.113.1')).call('room:create', { packId: PACK }));
      // The same bucket for HTTP: the flooder gets no room there either.
      const http = await postRoom(server, '203.0.113.1');
      expect(http.status).toBe(429);
      expect(await errorCode(http)).toBe('rate/limited');
      expect(rooms()).toBe(before);
      expect(await rateLimitedCount(server)).toBe(countedBefore + 6);
      // By budget too: the operator sees which one is hit.
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(
        Number(/^hostrush_budget_refusals_total\{budget="rooms"\} (\d+)$/m.exec(text)?.[1]),
      ).toBeGreaterThanOrEqual(6);
      // Another school.
      const other = expectOk(await (await clientFrom(server, '203.0.113.2')).call('room:create', { packId: PACK }));
      expect(other.roomCode).toMatch(/^\d{6}$/);
      expect(rooms()).toBe(before + 1);
    },
  );

  it('POST /api/rooms: 429 rate/limited past the budget, for the socket too; another address gets 201', async () => {
    for (let i = 0; i < 3; i++) expect((await postRoom(server, '198.51.100.7')).status).toBe(201);
    const rooms = server.app.manager().rooms.size;
    const over = await postRoom(server, '198.51.100.7');
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({
      ok: false,
      error: { code: 'rate/limited', message: expect.any(String) },
    });
    refused(await (await clientFrom(server, '198.51.100.7')).call('room:create', { packId: PACK }));
    expect(server.app.manager().rooms.size).toBe(rooms);
    expect((await postRoom(server, '198.51.100.8')).status).toBe(201);
  });

  it('solo:start has its own, larger budget: a flood of room:create does not use it up', async () => {
    const address = '203.0.113.1'; // its room budget is spent (first test); spend it here anyway if run alone
    for (let i = 0; i < 4; i++) await (await clientFrom(server, address)).call('room:create', { packId: PACK });
    refused(await (await clientFrom(server, address)).call('room:create', { packId: PACK }));
    for (let i = 0; i < 5; i++)
      expectOk(
        await (await clientFrom(server, address)).call('solo:start', { name: `Solo ${i}`, packId: PACK, lang: 'en' }),
      );
    const rooms = server.app.manager().rooms.size;
    refused(await (await clientFrom(server, address)).call('solo:start', { name: 'Solo 5', packId: PACK, lang: 'en' }));
    expect(server.app.manager().rooms.size).toBe(rooms);
    expectOk(
      await (
        await clientFrom(server, '203.0.113.3')
      ).call('solo:start', { name: 'Elsewhere', packId: PACK, lang: 'en' }),
    );
  });

  it(
    'pack imports: past the budget 429 rate/limited and nothing stored; ' +
      'another address imports; an invalid pack costs a token too',
    async () => {
      const packs = async () =>
        (
          (await (await fetch(`${server.url}/api/packs`, { headers: { 'x-host-key': HOST_KEY } })).json()) as Array<{
            builtin: boolean;
          }>
        ).filter((p) => !p.builtin).length;
      // Refused for its errors, and counted against the budget like a valid one: validating is the work.
      const broken = await post(
        server,
        '/api/packs/import',
        '192.0.2.10',
        'text/csv',
        'question,answer 1,answer 2,answer 3,answer 4,time limit,correct answer\nQ?,A,B,,,20,7\n',
      );
      expect(broken.status).toBe(400);
      expect((await importCsv(server, '192.0.2.10')).status).toBe(201);
      const stored = await packs();
      const over = await importCsv(server, '192.0.2.10');
      expect(over.status).toBe(429);
      expect(await errorCode(over)).toBe('rate/limited');
      expect(await packs()).toBe(stored);
      // Its room budget is its own.
      expect((await postRoom(server, '192.0.2.10')).status).toBe(201);
      expect((await importCsv(server, '192.0.2.11')).status).toBe(201);
      expect(await packs()).toBe(stored + 1);
    },
  );

  it(
    'a flood of ~870 KB invalid packs spends the address budget: past it, ' +
      'refused before the body is read or validated',
    async () => {
      const questions = Array.from({ length: 2_900 }, (_, i) => ({
        id: `q${i}`,
        type: 'single',
        prompt: 'p'.repeat(240),
        options: [],
      }));
      const big = JSON.stringify({ format: 'hostrush-pack', formatVersion: 1, meta: { id: 'flood' }, questions });
      expect(big.length).toBeGreaterThan(800_000);
      expect(big.length).toBeLessThan(1_000_000);
      const countedBefore = await rateLimitedCount(server);
      const replies: Array<{ status: number; issues: boolean }> = [];
      for (let i = 0; i < 6; i++) {
        const res = await post(server, '/api/packs/import', '192.0.2.30', 'application/json', big);
        replies.push({
          status: res.status,
          issues: Array.isArray(((await res.json()) as { issues?: unknown }).issues),
        });
      }
      // The burst (2) is validated and refused for its errors; the rest never reach the validator.
      expect(replies).toEqual([
        { status: 400, issues: true },
        { status: 400, issues: true },
        ...Array.from({ length: 4 }, () => ({ status: 429, issues: false })),
      ]);
      expect(await rateLimitedCount(server)).toBe(countedBefore + 4);
      // A valid pack from the same address waits too; another address is not held back.
      expect((await importCsv(server, '192.0.2.30')).status).toBe(429);
      expect((await importCsv(server, '192.0.2.31')).status).toBe(201);
    },
  );

  it('solo log checks spend a budget of their own, refused or not, before the body is read', async () => {
    const log = JSON.stringify({
      packId: 'daily-en',
      seed: 'daily-2020-01-01',
      actions: [{ type: 'tick', actor: { role: 'system' }, at: 1 }],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post(server, '/api/solo/verify', '192.0.2.40', 'application/json', log)).status);
    expect(statuses.slice(0, 2).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(2)).toEqual([429, 429]);
    expect((await post(server, '/api/solo/verify', '192.0.2.41', 'application/json', log)).status).not.toBe(429);
  });
});

describe('without TRUST_PROXY, X-Forwarded-For is ignored', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(RATES);
  });
  afterAll(() => server.close());

  it('a forged X-Forwarded-For per request or socket does not give a fresh bucket', async () => {
    for (let i = 0; i < 3; i++)
      expectOk(await (await clientFrom(server, `203.0.113.${10 + i}`)).call('room:create', { packId: PACK }));
    refused(await (await clientFrom(server, '203.0.113.99')).call('room:create', { packId: PACK }));
    const http = await postRoom(server, '198.51.100.99');
    expect(http.status).toBe(429);
    for (let i = 0; i < 2; i++) expect((await importCsv(server, `192.0.2.${20 + i}`)).status).toBe(201);
    expect((await importCsv(server, '192.0.2.99')).status).toBe(429);
  });
});

describe('the per-address limiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it(
    'allows a burst per window (burst / rate seconds), says how long to ' +
      'wait, and starts anew when the window ends',
    async () => {
      vi.useFakeTimers();
      const limiter = new AddressLimiter({ burst: 2, ratePerS: 0.5 }, 'rooms');
      expect(limiter).toMatchObject({ points: 2, duration: 4 });
      expect(await limiter.refusal('a')).toBeNull();
      expect(await limiter.refusal('a')).toBeNull();
      expect(await limiter.refusal('a')).toBe('Too many rooms created from your network just now: try again in 4 s.');
      expect(await limiter.refusal('b')).toBeNull();
      await vi.advanceTimersByTimeAsync(3000);
      expect(await limiter.refusal('a')).toMatch(/try again in 1 s/);
      expect(await limiter.waitMs('a')).toBeGreaterThan(0);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await limiter.waitMs('a')).toBe(0);
      expect(await limiter.refusal('a')).toBeNull();
    },
  );

  it('a charge spends a point even past the budget and says how long until one is back (failed joins)', async () => {
    const limiter = new AddressLimiter({ burst: 2, ratePerS: 0.001 }, 'failed joins');
    expect(await limiter.charge('x')).toBe(0);
    expect(await limiter.charge('x')).toBeGreaterThan(1000);
    expect(await limiter.waitMs('x')).toBeGreaterThan(1000);
    expect(await limiter.waitMs('y')).toBe(0);
  });

  it(
    'shared through a Redis that is down (reconnecting): the in-memory ' + 'budget answers at once, nothing waits',
    async () => {
      // Nothing listens on port 1: the client keeps trying, and would queue every command until it connects.
      const client = createClient({ url: 'redis://127.0.0.1:1', socket: { reconnectStrategy: () => 50 } });
      client.on('error', () => {});
      void client.connect().catch(() => {});
      try {
        const limiter = new AddressLimiter({ burst: 2, ratePerS: 0.001 }, 'rooms');
        limiter.share({ client, prefix: 'hostrush-test-down' });
        const answers = Promise.all([limiter.refusal('a'), limiter.refusal('a'), limiter.refusal('a')]);
        const late = new Promise<string>((resolve) => setTimeout(() => resolve('waited'), 1000));
        expect(await Promise.race([answers, late])).toEqual([null, null, expect.stringMatching(/^Too many rooms/)]);
      } finally {
        client.destroy();
      }
    },
  );

  it("windows are whole seconds of at least one: the long-run rate is the budget's", () => {
    expect(windowOf({ burst: 30, ratePerS: 1 / 20 })).toEqual({ points: 30, duration: 600 });
    expect(windowOf({ burst: 300, ratePerS: 1 })).toEqual({ points: 300, duration: 300 });
    expect(windowOf({ burst: 1000, ratePerS: 1_000_000 })).toEqual({ points: 1000, duration: 1 });
  });

  it('a bucket knows when it is full again', () => {
    const bucket = new TokenBucket({ burst: 2, ratePerS: 1 }, 0);
    expect(bucket.full(0)).toBe(true);
    bucket.take(0);
    expect(bucket.full(500)).toBe(false);
    expect(bucket.full(1000)).toBe(true);
  });

  it("TRUST_PROXY: unset, 0 and false trust nobody; a number is a hop count; other text is Express's list", () => {
    for (const off of [undefined, '', ' ', '0', 'false']) expect(trustProxyFromEnv(off)).toBeUndefined();
    expect(trustProxyFromEnv('1')).toBe(1);
    expect(trustProxyFromEnv('2')).toBe(2);
    expect(trustProxyFromEnv('true')).toBe(true);
    expect(trustProxyFromEnv('loopback')).toBe('loopback');
    expect(trustProxyFromEnv('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    // A typo stops the start with a message naming the variable, not Express's 'invalid IP address'.
    expect(() => trustProxyFromEnv('loopbak')).toThrow(/TRUST_PROXY 'loopbak' is not/);
    expect(() => trustProxyFromEnv('10.0.0.0/99')).toThrow(/TRUST_PROXY/);
  });
});
