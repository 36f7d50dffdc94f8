// Token buckets: one per socket (honest play, a few events a second, never hits it; a flood does), and one per
// client address for creating things (rooms, solo runs, imported packs), which a script opening many sockets or
// HTTP requests cannot dodge.

export interface BucketOptions {
  /** Tokens added per second. */
  ratePerS: number;
  /** Bucket size: the largest burst. */
  burst: number;
}

export const SOCKET_RATE: BucketOptions = { ratePerS: 20, burst: 40 };

// Per client address (docs/SECURITY.md, "Flood"). A whole school often reaches us from one NAT address, so each
// default is sized for that school at its busiest, not for one teacher or one student.
/**
 * Classroom and team rooms (room:create and POST /api/rooms share it): 30 teachers opening a room in the same
 * minute, then one every 20 s (180 an hour) for the rest of the day.
 */
export const ROOM_CREATE_RATE: BucketOptions = { ratePerS: 1 / 20, burst: 30 };
/**
 * Solo runs (solo:start): a lab of 200 students each starting a run at once, then one every 4 s (a lab of 30 each
 * replaying every two minutes). An untouched solo run leaves memory after 30 min, so one address holds at most
 * ~200 + 30 min / 4 s = 650 of a process's 2,000 places, never all of them.
 */
export const SOLO_START_RATE: BucketOptions = { ratePerS: 1 / 4, burst: 200 };
/**
 * Pack imports (POST /api/packs/import), valid or not (validating a pack is the work): a term's worth of packs in
 * one sitting, a few tries to fix a file's errors included, then one every 30 s.
 */
export const PACK_IMPORT_RATE: BucketOptions = { ratePerS: 1 / 30, burst: 20 };
/** Solo log verifications (POST /api/solo/verify, a replay of up to 5,000 actions), valid or not. */
export const SOLO_VERIFY_RATE: BucketOptions = { ratePerS: 1 / 2, burst: 60 };
/**
 * Failed joins and resumes (a code with no room, a wrong token, a room that is closed or started; join-guard.ts):
 * a school's worth of typos and of phones resuming a run that has ended (a lab of 200 opening the solo page at
 * once), then one a second. A scan of the 900,000 room codes from one address takes ten days, not 8 minutes.
 */
export const JOIN_FAILURE_RATE: BucketOptions = { ratePerS: 1, burst: 300 };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly opts: BucketOptions,
    now: number,
  ) {
    this.tokens = opts.burst;
    this.last = now;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.opts.burst, this.tokens + elapsed * this.opts.ratePerS);
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token (0 when one is there). */
  waitMs(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.opts.ratePerS) * 1000);
  }

  /** Back to a full bucket by `now`: forgetting it changes nothing (a new one starts full). */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.opts.burst;
  }
}

/** At most this many addresses are remembered per limiter (~100 bytes each). */
export const MAX_ADDRESSES = 10_000;

/**
 * A token bucket per key (a client address), in bounded memory: a bucket that has refilled is forgotten (a new one
 * would be the same), and past `maxKeys` the least recently used ones go. Each process keeps its own.
 */
export class AddressLimiter {
  /** In order of last use, oldest first (a used key is moved to the end). */
  private readonly buckets = new Map<string, TokenBucket>();
  private nextSweep = -Infinity;

  constructor(
    private readonly opts: BucketOptions,
    /** What is being made, for the refusal's message ("rooms"). */
    private readonly what: string,
    private readonly maxKeys = MAX_ADDRESSES,
  ) {}

  /** Takes one token from `key`'s bucket; false when it is empty. */
  take(key: string, now: number): boolean {
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key);
    } else {
      if (now >= this.nextSweep || this.buckets.size >= this.maxKeys) this.sweep(now);
      bucket = new TokenBucket(this.opts, now);
    }
    this.buckets.set(key, bucket);
    return bucket.take(now);
  }

  /** Takes a token for `key`: null, or when its bucket is empty the refusal's message (saying how long to wait). */
  refusal(key: string, now: number): string | null {
    if (this.take(key, now)) return null;
    const s = Math.max(1, Math.ceil((this.buckets.get(key)?.waitMs(now) ?? 0) / 1000));
    return `Too many ${this.what} created from your network just now: try again in ${s} s.`;
  }

  /** Milliseconds until `key` has a token (0: it has one), without taking one. */
  waitMs(key: string, now: number): number {
    return this.buckets.get(key)?.waitMs(now) ?? 0;
  }

  /** Addresses remembered now. */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * Forgets refilled buckets; at the cap, also the least recently used down to 90% of it, so a stream of new
   * addresses costs one sweep per tenth of the cap, not one per address. Runs at most once per refill time
   * otherwise: a bucket idle that long is full.
   */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) {
      let excess = this.buckets.size - Math.floor(this.maxKeys * 0.9);
      for (const key of this.buckets.keys()) {
        if (excess-- <= 0) break;
        this.buckets.delete(key);
      }
    }
    this.nextSweep = now + (this.opts.burst / this.opts.ratePerS) * 1000;
  }
}
