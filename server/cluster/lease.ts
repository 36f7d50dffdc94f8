// Room leases: `SET <prefix>:room:<code>:owner <nodeId> NX PX <ttl>`, renewed by the owner every ttl/3 with a
// compare-and-set script (only while the value is still ours), released on a clean shutdown with a compare-and-
// delete. A renewal that finds another owner, or that cannot reach Redis before the lease could have expired,
// makes this process let the room go at once (`onLost`): never two authorities for one room.
import type { RoomOwnership } from '../rooms/transport.js';
import type { RedisClient } from './redis.js';
import type { Logger } from '../log.js';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export interface LeaseOptions {
  redis: RedisClient;
  nodeId: string;
  prefix: string;
  ttlMs: number;
  /** Called when a held lease is lost (another owner, or expired while Redis was out of reach). */
  onLost: (code: string) => void;
  log: Logger;
  clock?: () => number;
}

export class Leases implements RoomOwnership {
  /** Code -> until when (local clock) the lease is surely ours: renewal send time + ttl - margin. */
  private readonly held = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly clock: () => number;
  private readonly margin: number;

  constructor(private readonly opts: LeaseOptions) {
    this.clock = opts.clock ?? Date.now;
    this.margin = Math.min(500, Math.floor(opts.ttlMs / 10));
  }

  ownerKey(code: string): string {
    return `${this.opts.prefix}:room:${code}:owner`;
  }

  /** The set of rooms that have (or had) an owner: the sweep looks for orphans in it. */
  get roomsKey(): string {
    return `${this.opts.prefix}:rooms`;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.renewAll(), Math.max(100, Math.floor(this.opts.ttlMs / 3)));
    this.timer.unref();
  }

  /** True while this process surely holds the room's lease (a local check, no Redis round-trip). */
  holds(code: string): boolean {
    const until = this.held.get(code);
    return until !== undefined && until > this.clock();
  }

  heldCodes(): string[] {
    return [...this.held.keys()];
  }

  async acquire(code: string): Promise<boolean> {
    if (this.holds(code)) return true;
    const sentAt = this.clock();
    const set = await this.opts.redis.set(this.ownerKey(code), this.opts.nodeId, {
      condition: 'NX',
      expiration: { type: 'PX', value: this.opts.ttlMs },
    });
    if (set !== 'OK') return false;
    this.held.set(code, sentAt + this.opts.ttlMs - this.margin);
    await this.opts.redis.sAdd(this.roomsKey, code);
    return true;
  }

  /** Lets the room go (finished and dropped, or shutting down). */
  async release(code: string, forget = false): Promise<void> {
    if (!this.held.delete(code)) return;
    try {
      await this.opts.redis.eval(RELEASE, { keys: [this.ownerKey(code)], arguments: [this.opts.nodeId] });
      if (forget) await this.opts.redis.sRem(this.roomsKey, code);
    } catch (error) {
      this.opts.log.warn({ err: error, room: code }, `lease ${code}: could not release (it expires by itself)`);
    }
  }

  /** Forgets a lease without touching Redis (it was lost). */
  drop(code: string): void {
    this.held.delete(code);
  }

  async owner(code: string): Promise<string | null> {
    return this.opts.redis.get(this.ownerKey(code));
  }

  /** Milliseconds left on the room's lease (-2 none, -1 no expiry). */
  async ttlLeft(code: string): Promise<number> {
    return this.opts.redis.pTTL(this.ownerKey(code));
  }

  async renewAll(): Promise<void> {
    const codes = [...this.held.keys()];
    if (codes.length === 0) return;
    const sentAt = this.clock();
    // A process that slept past its leases (paused, swapped) lets them go before anything else happens.
    for (const code of codes) {
      const until = this.held.get(code);
      if (until !== undefined && until <= sentAt) this.lose(code, 'expired before it could be renewed');
    }
    await Promise.all(
      codes
        .filter((code) => this.held.has(code))
        .map(async (code) => {
          try {
            const renewed = await this.opts.redis.eval(RENEW, {
              keys: [this.ownerKey(code)],
              arguments: [this.opts.nodeId, String(this.opts.ttlMs)],
            });
            if (!this.held.has(code)) return;
            if (Number(renewed) === 1) this.held.set(code, sentAt + this.opts.ttlMs - this.margin);
            else this.lose(code, 'another process owns it now');
          } catch (error) {
            const until = this.held.get(code);
            if (until !== undefined && until <= this.clock()) this.lose(code, 'Redis out of reach');
            else this.opts.log.warn({ err: error, room: code }, `lease ${code}: renewal failed, will retry`);
          }
        }),
    );
  }

  private lose(code: string, why: string): void {
    if (!this.held.delete(code)) return;
    this.opts.log.warn({ room: code }, `lease ${code} lost (${why}): this process stops acting for the room`);
    this.opts.onLost(code);
  }

  /** Stops renewing and releases every held lease (clean shutdown: another process may take the rooms at once). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.held.keys()].map((code) => this.release(code)));
  }
}
