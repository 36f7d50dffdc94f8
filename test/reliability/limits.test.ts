// Limits and HTTP hardening: caps on rooms and players, message and body sizes, a per-socket rate limit that stops
// a flood of answers without touching honest play, nickname abuse, helmet headers, CORS closed by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from '../server/harness.js';
import { errorCounts, readMetrics, withTimeout } from './support.js';

const PACK = 'warmup-en';

const refused = (reply: unknown, code: string) =>
  expect(reply).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });

describe('caps on rooms and players', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ maxRooms: 2, maxPlayersPerRoom: 2 });
  });
  afterAll(() => server.close());

  it(
    'refuses a room over the cap (socket, HTTP and solo) and a player over ' + 'the room cap; the others go on',
    async () => {
      const hostA = await server.client();
      const a = expectOk(await hostA.call('room:create', { packId: PACK }));
      const hostB = await server.client();
      expectOk(await hostB.call('room:create', { packId: PACK }));
      refused(await (await server.client()).call('room:create', { packId: PACK }), 'room/limit');
      refused(
        await (await server.client()).call('solo:start', { name: 'Solo', packId: PACK, lang: 'en' }),
        'room/limit',
      );
      const http = await fetch(`${server.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ packId: PACK }),
      });
      expect(http.status).toBe(503);
      expect(((await http.json()) as { error: { code: string } }).error.code).toBe('room/limit');

      const players: TestClient[] = [];
      for (const name of ['One', 'Two']) {
        const c = await server.client();
        expectOk(await c.call('player:join', { roomCode: a.roomCode, name }));
        players.push(c);
      }
      refused(await (await server.client()).call('player:join', { roomCode: a.roomCode, name: 'Three' }), 'room/full');
      // The rooms that exist play on.
      expectOk(await hostA.call('host:control', { command: 'start' }));
      const view = await withTimeout(
        hostA.waitFor('host:view', (v) => v.phase === 'question'),
        10_000,
        'the question',
      );
      const q = view.question!.question;
      expectOk(await players[0]!.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));
    },
  );
});

describe('sizes, rates and headers', () => {
  let server: TestServer;
  let host: TestClient;
  let code = '';
  beforeAll(async () => {
    server = await startServer(); // the default per-socket budget (20 events/s, burst 40)
    host = await server.client();
    code = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }))
      .roomCode as string;
  });
  afterAll(() => server.close());

  it(
    `drops a connection whose message is over ${LIMITS.socketMessageBytes} bytes ` +
      `(text or binary), without harm to anyone else`,
    async () => {
      const honest = await server.client();
      expectOk(await honest.call('player:join', { roomCode: code, name: 'Honest' }));
      // Just under the cap: an ordinary refusal, the connection stays.
      const near = await server.client();
      refused(
        await near.call('player:join', { roomCode: code, name: 'n'.repeat(LIMITS.socketMessageBytes - 200) }),
        'input/invalid',
      );
      expect(near.socket.connected).toBe(true);
      for (const payload of [
        { roomCode: code, name: 'y'.repeat(LIMITS.socketMessageBytes + 1) },
        Buffer.alloc(LIMITS.socketMessageBytes * 4),
      ]) {
        const big = await server.client();
        const gone = withTimeout(
          new Promise<string>((resolve) => big.socket.once('disconnect', resolve)),
          10_000,
          'the disconnect',
        );
        (big.socket as unknown as { emit(e: string, p: unknown): void }).emit('player:join', payload);
        expect(await gone).toMatch(/transport (close|error)|io server disconnect/);
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const view = expectOk(await host.call('game:sync', {})).view as { players: Array<{ name: string }> };
      expect(view.players.map((p) => p.name)).toEqual(['Honest']);
      expectOk(await honest.call('game:sync', {}));
    },
  );

  it(
    'rate-limits a flood of answers on one socket (rate/limited) while an ' +
      'honest player answers normally; one answer scores once',
    async () => {
      const flooder = await server.client();
      const flooderId = expectOk(await flooder.call('player:join', { roomCode: code, name: 'Flood' }))
        .playerId as string;
      const honest = await server.client();
      expectOk(await honest.call('player:join', { roomCode: code, name: 'Calm' }));
      const started = expectOk(await host.call('host:control', { command: 'start' })).version as number;
      const view = await withTimeout(
        host.waitFor('host:view', (v) => v.version >= started && v.phase === 'question'),
        10_000,
        'the question',
      );
      const q = view.question!.question;
      const right = answerFor(PACK, q, true);
      const replies = await Promise.all(
        Array.from({ length: 150 }, () => flooder.call('player:answer', { questionId: q.id, answer: right })),
      );
      const limited = replies.filter((r) => !r.ok && r.error.code === 'rate/limited');
      expect(limited.length).toBeGreaterThan(0);
      expect(limited.length).toBeLessThan(150);
      // The honest player, on its own socket, is not slowed by the flood.
      expectOk(await honest.call('player:answer', { questionId: q.id, answer: right }));
      const sync = expectOk(await host.call('game:sync', {})).view as { question: { answeredCount: number } | null };
      expect(sync.question?.answeredCount).toBeGreaterThanOrEqual(2);
      const counted = errorCounts(await readMetrics(server.url));
      expect(counted['rate/limited']).toBeGreaterThanOrEqual(limited.length);
      const closeV = expectOk(await host.call('host:control', { command: 'next' })).version as number;
      await withTimeout(
        host.waitFor('host:view', (v) => v.version >= closeV && v.question?.closed === true),
        10_000,
        'the close',
      );
      // (The flooder's own socket stays limited until its bucket refills: read the scores from the host's view.)
      const players = (
        expectOk(await host.call('game:sync', {})).view as {
          players: Array<{ id: string; name: string; score: number }>;
        }
      ).players;
      const mine = players.find((p) => p.id === flooderId)!;
      const calm = players.find((p) => p.name === 'Calm')!;
      expect(mine.score).toBeGreaterThan(0);
      // A hundred and fifty copies of the right answer are worth no more than one (the flooder answered first).
      expect(mine.score).toBeGreaterThanOrEqual(calm.score);
      expect(mine.score).toBeLessThanOrEqual(2 * calm.score);
    },
  );

  it('refuses abusive and disguised nicknames with a reason', async () => {
    const other = await server.client();
    const fresh = expectOk(await other.call('room:create', { packId: PACK })).roomCode as string;
    const first = await server.client();
    expectOk(await first.call('player:join', { roomCode: fresh, name: 'Admin' }));
    for (const [name, code] of [
      ['Ａｄｍｉｎ', 'name/taken'], // full-width look-alike of a taken name (NFKC)
      [' admin ', 'name/taken'],
      ['Ad\u200Bmin', 'name/invalid'], // zero-width space
      ['\u202Enimda', 'name/invalid'], // right-to-left override
      ['a\u0000b', 'name/invalid'],
      ['\uD800x', 'name/invalid'], // lone surrogate
      ['sh1t head', 'name/abusive'],
      ['씨발', 'name/abusive'],
      ['x'.repeat(21), 'name/invalid'],
    ] as const) {
      refused(await (await server.client()).call('player:join', { roomCode: fresh, name }), code);
    }
  });

  it('HTTP: helmet headers, no x-powered-by, CORS closed by default, 1 MB body limit, pack size limit', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const h = res.headers;
    expect(h.get('x-powered-by')).toBeNull();
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('referrer-policy')).toBe('no-referrer');
    expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    // Plain HTTP: nothing that sends a browser to https (test/server/security-headers.test.ts has the HTTPS side).
    expect(h.get('strict-transport-security')).toBeNull();
    expect(h.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    // A cross-origin preflight is not allowed, nor is a cross-origin read of the API or the Socket.IO handshake.
    const preflight = await fetch(`${server.url}/api/rooms`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
    for (const path of ['/api/packs', '/socket.io/?EIO=4&transport=polling']) {
      const read = await fetch(`${server.url}${path}`, { headers: { origin: 'http://evil.example' } });
      expect(read.headers.get('access-control-allow-origin')).toBeNull();
    }
    // Bodies over 1 MB: 413 input/too-large, on every JSON route and on pack import.
    const tooBig = 'z'.repeat(LIMITS.httpBodyBytes + 10);
    for (const [path, type, body] of [
      ['/api/rooms', 'application/json', JSON.stringify({ packId: tooBig })],
      ['/api/solo/verify', 'application/json', JSON.stringify({ pad: tooBig })],
      ['/api/packs/import', 'application/json', JSON.stringify({ format: 'hostrush-pack', pad: tooBig })],
      ['/api/packs/import', 'text/csv', `question,answer\n${tooBig}`],
    ] as const) {
      const r = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-host-key': 'teacher-host-key-0123456789abc' },
        body,
      });
      expect({ path, type, status: r.status }).toEqual({ path, type, status: 413 });
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('input/too-large');
    }
    // Under the limit, a bad pack gets located errors.
    const pack = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': 'teacher-host-key-0123456789abc' },
      body: JSON.stringify({ format: 'hostrush-pack', formatVersion: 1, meta: { id: 'x' }, questions: [{ id: 1 }] }),
    });
    expect(pack.status).toBe(400);
    const json = (await pack.json()) as { error: { code: string }; issues: Array<{ path: string; message: string }> };
    expect(json.error.code).toBe('pack/invalid');
    expect(json.issues.length).toBeGreaterThan(0);
    expect(json.issues.every((i) => typeof i.path === 'string' && i.message.length > 0)).toBe(true);
    // A deeply nested body is an ordinary refusal.
    const deep = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    const nested = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(nested.status).toBe(400);
  });

  it('CORS opens only to origins listed in corsOrigins', async () => {
    const open = await startServer({ corsOrigins: ['http://teacher.example'] });
    try {
      const allowed = await fetch(`${open.url}/api/packs`, { headers: { origin: 'http://teacher.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://teacher.example');
      const other = await fetch(`${open.url}/api/packs`, { headers: { origin: 'http://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });

  // Found by the fuzzer (see docs/SECURITY.md), fixed in the server's error handler.
  it('a malformed %-escape in an API path is a 400 input/invalid, not a 500 server/error', async () => {
    const r = await fetch(`${server.url}/api/packs/%E0%A4%A`);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('input/invalid');
  });

  it('a body that does not inflate (content-encoding: gzip, junk bytes) is a 400, not a 500', async () => {
    const r = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'not gzip at all',
    });
    expect(r.status).toBe(400);
  });
});
