// Room leases against the real Redis: one owner at a time, compare-and-set renewal, a lost lease noticed.
// Needs REDIS_URL (CI sets it); skipped with a message otherwise.
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Leases } from '../../server/cluster/lease.js';
import { connectRedis, type RedisPair } from '../../server/cluster/redis.js';
import { silentLogger } from '../../server/log.js';

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) console.warn('test/cluster/lease skipped: set REDIS_URL (redis://127.0.0.1:6379) to run it.');

describe.skipIf(!REDIS_URL)('room leases', () => {
  const prefix = `hostrush-test-lease-${nanoid(8)}`;
  let redis: RedisPair;
  beforeAll(async () => {
    redis = await connectRedis(REDIS_URL!, silentLogger);
  });
  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of redis.pub.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) keys.push(...batch);
    if (keys.length > 0) await redis.pub.del(keys);
    await redis.quit();
  });

  function node(id: string, clock: () => number = Date.now) {
    const lost: string[] = [];
    const leases = new Leases({
      redis: redis.pub,
      nodeId: id,
      prefix,
      ttlMs: 3000,
      onLost: (c) => lost.push(c),
      log: silentLogger,
      clock,
    });
    return { leases, lost };
  }

  it('gives a room to one process at a time, and to the next once released', async () => {
    const a = node('a');
    const b = node('b');
    expect(await a.leases.acquire('100001')).toBe(true);
    expect(await b.leases.acquire('100001')).toBe(false);
    expect(await b.leases.owner('100001')).toBe('a');
    expect(a.leases.holds('100001')).toBe(true);
    expect(b.leases.holds('100001')).toBe(false);
    // b's release of a lease it does not hold changes nothing (compare-and-delete).
    await b.leases.release('100001');
    expect(await b.leases.owner('100001')).toBe('a');
    await a.leases.release('100001');
    expect(a.leases.holds('100001')).toBe(false);
    expect(await b.leases.acquire('100001')).toBe(true);
    expect(await redis.pub.sIsMember(b.leases.roomsKey, '100001')).toBeTruthy();
    await b.leases.release('100001', true);
    expect(await redis.pub.sIsMember(b.leases.roomsKey, '100001')).toBeFalsy();
  });

  it('renews only its own lease: a process whose lease was taken notices and lets the room go', async () => {
    const a = node('a');
    const b = node('b');
    expect(await a.leases.acquire('100002')).toBe(true);
    await a.leases.renewAll();
    expect(a.lost).toEqual([]);
    expect(await a.leases.ttlLeft('100002')).toBeGreaterThan(2000);
    // a's lease expired (a was paused) and b took the room.
    await redis.pub.del(a.leases.ownerKey('100002'));
    expect(await b.leases.acquire('100002')).toBe(true);
    await a.leases.renewAll();
    expect(a.lost).toEqual(['100002']);
    expect(a.leases.holds('100002')).toBe(false);
    expect(await a.leases.owner('100002')).toBe('b');
    await b.leases.stop();
    expect(await b.leases.owner('100002')).toBeNull();
  });

  it('lets a room go by its own clock when the lease could have expired before it was renewed', async () => {
    let now = Date.now();
    const a = node('a', () => now);
    expect(await a.leases.acquire('100003')).toBe(true);
    now += 2800;
    expect(a.leases.holds('100003')).toBe(false);
    await a.leases.renewAll();
    expect(a.lost).toEqual(['100003']);
    await redis.pub.del(a.leases.ownerKey('100003'));
  });
});
