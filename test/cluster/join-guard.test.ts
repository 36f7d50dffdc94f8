// Room code scanning with several processes (docs/SECURITY.md): a failed join or resume is charged to the
// socket's own address by the process the socket is on, also when its room is owned by another process (the
// event is routed there); once spent, the socket's process refuses before any routing; the owner's stand-in for a
// routed event has no address and charges nothing (a shared 'cluster' bucket would let one scanner lock everybody
// out of the rooms a process owns); the budget is kept in Redis, one per address for both processes. Two apps in
// this process on the real Redis and PostgreSQL.
import { nanoid } from 'nanoid';
import { dropClusterState } from './procs.js';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../server/storage/index.js';
import { expectOk, startServer, TestClient, type TestServer } from '../server/harness.js';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const enabled = Boolean(REDIS_URL && DATABASE_URL && /^postgres(ql)?:\/\//.test(DATABASE_URL));
const run = nanoid(8)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, 'x');
const SCHEMA = `joinguard_${run}`;
const PREFIX = `hostrush-test-jg-${run}`;
const BURST = 6;

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

describe.skipIf(!enabled)('room code scanning across processes', () => {
  const servers: TestServer[] = [];
  let A: TestServer;
  let B: TestServer;
  beforeAll(async () => {
    for (const name of ['A', 'B']) {
      const storage = await createStorage({ databaseUrl: DATABASE_URL!, pgSchema: SCHEMA });
      servers.push(
        await startServer({
          storage,
          cluster: { redisUrl: REDIS_URL!, nodeId: `${name}-${run}`, prefix: PREFIX, leaseMs: 1500 },
          trustProxy: 'loopback',
          joinFailureRate: { burst: BURST, ratePerS: 0.001 },
        }),
      );
    }
    [A, B] = servers as [TestServer, TestServer];
  }, 30_000);
  afterAll(async () => {
    for (const s of servers) {
      await s.close();
      await s.storage.close();
    }
    await dropClusterState(DATABASE_URL, SCHEMA, REDIS_URL, PREFIX);
  }, 20_000);

  it(
    'failed resumes of a room owned elsewhere are charged where the socket ' + 'is; the owner stays open to others',
    async () => {
      const host = await clientFrom(B, '198.51.100.9');
      const room = expectOk(await host.call('room:create', { packId: 'warmup-en' }));
      // Wrong seat tokens for B's room, sent to A (routed to B): charged to the scanner's address on A.
      const scanner = await clientFrom(A, '203.0.113.99');
      const codes: string[] = [];
      for (let i = 0; i < BURST + 2; i++) {
        const reply = await scanner.call('player:resume', {
          roomCode: room.roomCode,
          resumeToken: `wrong-token-${String(i).padStart(12, '0')}`,
        });
        codes.push(reply.ok ? 'ok' : reply.error.code);
      }
      expect(codes).toEqual([...Array.from({ length: BURST }, () => 'auth/token'), 'rate/limited', 'rate/limited']);
      // A refuses the scanner before routing, whatever the room; a player elsewhere, through A or B, still joins B's
      // room.
      expect(await scanner.call('player:join', { roomCode: room.roomCode, name: 'Found' })).toMatchObject({
        ok: false,
        error: { code: 'rate/limited' },
      });
      expectOk(
        await (await clientFrom(A, '203.0.113.5')).call('player:join', { roomCode: room.roomCode, name: 'Via A' }),
      );
      expectOk(
        await (await clientFrom(B, '203.0.113.6')).call('player:join', { roomCode: room.roomCode, name: 'Via B' }),
      );
      // Failures routed from many addresses do not pile up at the owner under one key.
      for (let i = 0; i < BURST + 2; i++) {
        const other = await clientFrom(A, `192.0.2.${100 + i}`);
        expect(
          await other.call('player:resume', {
            roomCode: room.roomCode,
            resumeToken: `another-wrong-${String(i).padStart(10, '0')}`,
          }),
        ).toMatchObject({ ok: false, error: { code: 'auth/token' } });
      }
      expectOk(
        await (await clientFrom(A, '203.0.113.7')).call('player:join', { roomCode: room.roomCode, name: 'Still in' }),
      );
    },
  );

  it(
    'one budget for an address over both processes (Redis): a scanner spread ' +
      'over A and B gets it once, plus at most one try per process',
    async () => {
      const host = await clientFrom(B, '198.51.100.10');
      const room = expectOk(await host.call('room:create', { packId: 'warmup-en' }));
      const address = '203.0.113.150';
      const [onA, onB] = [await clientFrom(A, address), await clientFrom(B, address)];
      const codes: string[] = [];
      for (let i = 0; i < 2 * BURST + 2; i++) {
        const reply = await (i % 2 === 0 ? onA : onB).call('player:resume', {
          roomCode: room.roomCode,
          resumeToken: `spread-wrong-${String(i).padStart(12, '0')}`,
        });
        codes.push(reply.ok ? 'ok' : reply.error.code);
      }
      const failures = codes.filter((c) => c === 'auth/token').length;
      // Each process its own budget would allow 2 x BURST; shared, BURST and the one try A makes before it learns.
      expect(failures).toBeGreaterThanOrEqual(BURST);
      expect(failures).toBeLessThanOrEqual(BURST + 1);
      expect(codes.slice(-2)).toEqual(['rate/limited', 'rate/limited']);
    },
  );
});
