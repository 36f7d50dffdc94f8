// Room code scanning (docs/SECURITY.md): failed joins and resumes spend a per-address budget; past it, every join,
// resume or host resume from that address is refused rate/limited before the room is looked up (a live room is
// not found, let alone joined), while other addresses and successful joins go on; /metrics counts failed joins by
// reason, so a scan shows. Addresses are played with X-Forwarded-For behind a trusted proxy (TRUST_PROXY=loopback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { expectOk, startServer, TestClient, type TestServer } from '../server/harness.js';

const BURST = 20;

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

/** `hostrush_join_failures_total` by `event|reason`, from /metrics. */
async function joinFailures(server: TestServer): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^hostrush_join_failures_total\{event="([^"]+)",reason="([^"]+)"\} (\d+)$/gm))
    out[`${m[1]}|${m[2]}`] = Number(m[3]);
  return out;
}

describe('room code scanning', () => {
  let server: TestServer;
  beforeAll(async () => {
    // No refill within the test (one token per 1,000 s); enough socket budget for the scan itself.
    server = await startServer({
      trustProxy: 'loopback',
      joinFailureRate: { burst: BURST, ratePerS: 0.001 },
      socketRate: { burst: 1000, ratePerS: 1000 },
    });
  });
  afterAll(() => server.close());

  it(
    'a scan from one address over many sockets is refused once its failures ' +
      'are spent, a live room included; others join',
    async () => {
      const host = await clientFrom(server, '198.51.100.1');
      const live = expectOk(await host.call('room:create', { packId: 'warmup-en' }));
      const taken = new Set(server.app.manager().rooms.keys());
      const codes: string[] = [];
      for (let c = 100000; codes.length < 60; c++) if (!taken.has(String(c))) codes.push(String(c));
      const scanners = await Promise.all(Array.from({ length: 10 }, () => clientFrom(server, '203.0.113.66')));
      const replies = await Promise.all(
        codes.map((code, i) =>
          scanners[i % scanners.length]!.call('player:join', { roomCode: code, name: `Scan ${i}` }),
        ),
      );
      const codesOf = replies.map((r) => (r.ok ? 'ok' : r.error.code));
      // Tries already in flight when the budget ran out may still be answered: at most one per scanning socket.
      const unknown = codesOf.filter((c) => c === 'room/unknown').length;
      expect(unknown).toBeGreaterThanOrEqual(BURST);
      expect(unknown).toBeLessThanOrEqual(BURST + scanners.length);
      expect(codesOf.filter((c) => c === 'rate/limited')).toHaveLength(codes.length - unknown);
      // The live room is not found from the scanning address: join, resume and host resume are all refused, unread.
      const probe = scanners[0]!;
      const join = await probe.call('player:join', { roomCode: live.roomCode, name: 'Found it' });
      expect(join).toMatchObject({
        ok: false,
        error: { code: 'rate/limited', message: expect.stringMatching(/check the code and try again in \d+ s/) },
      });
      expect(await probe.call('player:resume', { roomCode: live.roomCode, resumeToken: 'x'.repeat(21) })).toMatchObject(
        {
          ok: false,
          error: { code: 'rate/limited' },
        },
      );
      expect(await probe.call('host:resume', { roomCode: live.roomCode, hostToken: 'x'.repeat(21) })).toMatchObject({
        ok: false,
        error: { code: 'rate/limited' },
      });
      expect(server.app.manager().get(live.roomCode)!.state.playerOrder).toHaveLength(0);
      // Another school joins the live room.
      const phone = await clientFrom(server, '203.0.113.67');
      expectOk(await phone.call('player:join', { roomCode: live.roomCode, name: 'Honest' }));
      // The scan shows at /metrics.
      const counted = await joinFailures(server);
      expect(counted['player:join|room/unknown']).toBe(unknown);
      expect(counted['player:join|rate/limited']).toBe(codes.length - unknown + 1);
      expect(counted['player:resume|rate/limited']).toBe(1);
      expect(counted['host:resume|rate/limited']).toBe(1);
    },
  );

  it('wrong resume tokens spend the same budget; successful joins and refused nicknames cost nothing', async () => {
    const host = await clientFrom(server, '198.51.100.2');
    const room = expectOk(await host.call('room:create', { packId: 'warmup-en' }));
    // A whole class behind one address joins (more than the failure budget), one name taken twice.
    for (let i = 0; i < BURST + 5; i++)
      expectOk(
        await (
          await clientFrom(server, '192.0.2.50')
        ).call('player:join', { roomCode: room.roomCode, name: `Student ${i}` }),
      );
    for (let i = 0; i < 3; i++) {
      expect(
        await (
          await clientFrom(server, '192.0.2.50')
        ).call('player:join', { roomCode: room.roomCode, name: 'Student 1' }),
      ).toMatchObject({ ok: false, error: { code: 'name/taken' } });
    }
    // Guessing seat tokens and host tokens: auth/token until the budget is spent.
    const guesser = await clientFrom(server, '192.0.2.50');
    const guesses = [];
    for (let i = 0; i < BURST + 3; i++) {
      const token = `guess-${String(i).padStart(16, '0')}`;
      guesses.push(
        await guesser.call(
          i % 2 ? 'host:resume' : 'player:resume',
          i % 2 ? { roomCode: room.roomCode, hostToken: token } : { roomCode: room.roomCode, resumeToken: token },
        ),
      );
    }
    const codes = guesses.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.slice(0, BURST).every((c) => c === 'auth/token')).toBe(true);
    expect(codes.slice(BURST)).toEqual(['rate/limited', 'rate/limited', 'rate/limited']);
    expect((await joinFailures(server))['player:join|name/taken']).toBeUndefined();
  });
});
