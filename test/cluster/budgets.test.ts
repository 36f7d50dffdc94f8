// One budget per client address whatever process it reaches (docs/SECURITY.md, "Flood"; docs/SCALE-OUT.md): two
// real server processes on one Redis keep the per-address budgets there (rate-limiter-flexible's Redis store), so
// an address that makes rooms through both gets the budget once (30 rooms), not once per process (60).
// Needs REDIS_URL and DATABASE_URL (CI sets both); skipped when either is missing (test/cluster/multi-process says so).
import { nanoid } from 'nanoid';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_CREATE_RATE } from '../../server/security/rate-limit.js';
import { startProcess, type ServerProcess, dropClusterState } from './procs.js';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const enabled = Boolean(REDIS_URL && DATABASE_URL && /^postgres(ql)?:\/\//.test(DATABASE_URL));
const run = nanoid(8)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, 'x');
const SCHEMA = `budgets_${run}`;
const PREFIX = `hostrush-test-budget-${run}`;

/** POST /api/rooms as if from `address` (the processes trust the loopback proxy's X-Forwarded-For). */
async function createRoom(proc: ServerProcess, address: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${proc.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ packId: 'warmup-en' }),
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return { status: res.status, ...(body.error ? { code: body.error.code } : {}) };
}

describe.skipIf(!enabled)('per-address budgets shared by several processes (Redis)', () => {
  const procs: ServerProcess[] = [];
  let A: ServerProcess;
  let B: ServerProcess;

  beforeAll(async () => {
    const env = {
      REDIS_URL: REDIS_URL!,
      DATABASE_URL: DATABASE_URL!,
      HOSTRUSH_PG_SCHEMA: SCHEMA,
      HOSTRUSH_REDIS_PREFIX: PREFIX,
      TRUST_PROXY: 'loopback',
    };
    for (const name of ['A', 'B']) procs.push(startProcess(name, env));
    [A, B] = procs as [ServerProcess, ServerProcess];
    await Promise.all(procs.map((p) => p.ready(30_000)));
  }, 40_000);

  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail')
      for (const p of procs) console.log(`--- process ${p.name}:\n${p.output.join('').slice(-4000)}`);
  });

  afterAll(async () => {
    await Promise.allSettled(procs.map((p) => p.stop()));
    for (const p of procs) p.kill9();
    await dropClusterState(DATABASE_URL, SCHEMA, REDIS_URL, `${PREFIX}:`);
  }, 20_000);

  it('rooms made through A and B spend one budget: the 31st is refused by both; another address is not', async () => {
    const address = '203.0.113.77';
    const burst = ROOM_CREATE_RATE.burst;
    expect(burst).toBe(30);
    const statuses: number[] = [];
    for (let i = 0; i < burst; i++) statuses.push((await createRoom(i % 2 === 0 ? A : B, address)).status);
    expect(statuses).toEqual(Array.from({ length: burst }, () => 201));
    // Each process alone made 15: a budget per process would let both go on to 30 each.
    expect(await createRoom(A, address)).toEqual({ status: 429, code: 'rate/limited' });
    expect(await createRoom(B, address)).toEqual({ status: 429, code: 'rate/limited' });
    expect((await createRoom(B, '203.0.113.78')).status).toBe(201);
    // The budget is in Redis under the deployment's prefix.
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      expect(Number(await redis.get(`${PREFIX}:budget:rooms:${address}`))).toBeGreaterThanOrEqual(burst);
    } finally {
      await redis.close();
    }
  });
});
