// A token bucket per socket: honest play (a few events a second) never hits it; a flood does.

export interface BucketOptions {
  /** Tokens added per second. */
  ratePerS: number;
  /** Bucket size: the largest burst. */
  burst: number;
}

export const SOCKET_RATE: BucketOptions = { ratePerS: 20, burst: 40 };

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

  /** Takes one token; false when the bucket is empty. */
  take(now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.opts.burst, this.tokens + elapsed * this.opts.ratePerS);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
