// Budgets: one per socket (honest play, a few events a second, never hits it; a flood does), and one per client
// address for creating things (rooms, solo runs, imported packs) and for failed joins, which a script opening many
// sockets or HTTP requests cannot dodge. The per-address budgets run on rate-limiter-flexible: in memory with one
// process, in Redis with several (REDIS_URL), so an address has one budget whatever process it reaches.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface BucketOptions {
  /** Tokens added per second (per-address budgets: the long-run rate, `burst` per `burst / ratePerS` seconds). */
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
/** Teacher password attempts (POST /api/workshop/login), right or wrong: a guess costs as much as a login. */
export const TEACHER_LOGIN_RATE: BucketOptions = { ratePerS: 1 / 10, burst: 10 };
/** Workshop saves and copies (each validates a pack of up to 1 MB). */
export const WORKSHOP_EDIT_RATE: BucketOptions = { ratePerS: 1, burst: 120 };
/** Solo log verifications (POST /api/solo/verify, a replay of up to 5,000 actions), valid or not. */
export const SOLO_VERIFY_RATE: BucketOptions = { ratePerS: 1 / 2, burst: 60 };
/**
 * Failed joins and resumes (a code with no room, a wrong token, a room that is closed or started; join-guard.ts):
 * a school's worth of typos and of phones resuming a run that has ended (a lab of 200 opening the solo page at
 * once), then one a second. A scan of the 900,000 room codes from one address takes ten days, not 8 minutes.
 */
export const JOIN_FAILURE_RATE: BucketOptions = { ratePerS: 1, burst: 300 };

/**
 * The per-socket event budget stays this hand-written token bucket, not rate-limiter-flexible: every socket event
 * takes from it (a burst is 2,000 answers), a socket lives on one process so Redis would share nothing, and the
 * library costs measurably more per event (`npm run bench budgets`, 2 x EPYC, Node 20, 2,000 sockets x 20 events):
 * TokenBucket 40-140 ns, RateLimiterMemory ~2,400 ns (a Map lookup and a promise per event, 17-55x), RateLimiterRedis
 * 40,000-70,000 ns (a round trip per event: 2,000 answers would spend 80-140 ms on it, about the whole 150 ms ack
 * goal).
 */
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

/** Where the per-address budgets live with several processes: the app's Redis connection and key prefix. */
export interface SharedStore {
  /** A node-redis client (server/cluster/redis.ts), connected. */
  client: unknown;
  /** Prefix of the budgets' keys (`<prefix>:budget:<name>:<address>`). */
  prefix: string;
}

/** rate-limiter-flexible counts points in windows of whole seconds: `burst` points per `burst / ratePerS` s. */
export function windowOf(opts: BucketOptions): { points: number; duration: number } {
  const points = Math.max(1, Math.round(opts.burst));
  return { points, duration: Math.max(1, Math.ceil(points / opts.ratePerS)) };
}

/**
 * A budget per key (a client address) on rate-limiter-flexible: `burst` per window of `burst / ratePerS` seconds,
 * the window starting at the key's first use (so the long-run rate is the token bucket's; the worst case, a full
 * window's worth at its end and another at the start of the next, is two bursts). In memory (keys expire with
 * their window, so memory follows the addresses active in the last window) until `share` moves it to Redis:
 * one budget per address for every process, the in-memory one standing in while Redis fails (rate-limiter-flexible's
 * insurance limiter: a Redis outage never refuses or lets through everybody).
 */
export class AddressLimiter {
  private limiter: RateLimiterAbstract;
  readonly points: number;
  readonly duration: number;
  /** Told of each refusal (the app counts them at /metrics by budget name). */
  onRefused: () => void = () => {};

  constructor(
    opts: BucketOptions,
    /** What is being made, for the refusal's message ("rooms"). */
    private readonly what: string,
    /** The budget's name in Redis keys and at /metrics ("rooms"); defaults to `what`. */
    readonly name = what.replace(/\s+/g, '-'),
  ) {
    ({ points: this.points, duration: this.duration } = windowOf(opts));
    this.limiter = this.memory();
  }

  private memory(): RateLimiterMemory {
    return new RateLimiterMemory({ points: this.points, duration: this.duration, keyPrefix: this.name });
  }

  /** Several processes: the budget is kept in Redis from now on, shared by every process on the same prefix. */
  share(store: SharedStore): void {
    this.limiter = new RateLimiterRedis({
      storeClient: store.client,
      useRedisPackage: true,
      keyPrefix: `${store.prefix}:budget:${this.name}`,
      points: this.points,
      duration: this.duration,
      // Over budget, an address is refused here without asking Redis until its window ends.
      inMemoryBlockOnConsumed: this.points,
      // While the connection is down, node-redis would queue the command until it is back (a room:create waiting
      // on Redis): the in-memory budget answers instead, at once.
      rejectIfRedisNotReady: true,
      insuranceLimiter: this.memory(),
    });
  }

  /**
   * Spends one point of `key`'s budget: null, or when it was spent already the refusal's message (saying how long to
   * wait).
   */
  async refusal(key: string): Promise<string | null> {
    try {
      await this.limiter.consume(key, 1);
      return null;
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
      this.onRefused();
      return (
        `Too many ${this.what} created from your network just now: try again in ` +
        `${seconds(rejected.msBeforeNext)} s.`
      );
    }
  }

  /**
   * Spends one point of `key`'s budget even when it is spent (a failure already happened): ms until it has one again, 0
   * if it still has some.
   */
  async charge(key: string): Promise<number> {
    const res = await this.limiter.penalty(key, 1);
    return res.remainingPoints > 0 ? 0 : Math.max(1, res.msBeforeNext);
  }

  /** Milliseconds until `key` has a point (0: it has one), without spending one. */
  async waitMs(key: string): Promise<number> {
    const res = await this.limiter.get(key);
    return res === null || res.remainingPoints > 0 ? 0 : Math.max(1, res.msBeforeNext);
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
