// Small statistics helpers for the load benchmark: nearest-rank percentiles over milliseconds.

/** Nearest-rank percentile of a list (p in 0..100); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function max(values: readonly number[]): number {
  let m = Number.NaN;
  for (const v of values) if (Number.isNaN(m) || v > m) m = v;
  return m;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with the promise's value, or with `fallback()` after `ms` (never hangs). */
export async function within<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A counter that resolves `done` once `target` hits arrive, or when the deadline passes. */
export class Arrivals {
  readonly times: number[] = [];
  private resolve: (() => void) | null = null;
  readonly done: Promise<void>;

  constructor(
    readonly target: number,
    timeoutMs: number,
  ) {
    this.done = new Promise<void>((resolve) => {
      this.resolve = resolve;
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref?.();
    });
    if (target <= 0) this.resolve?.();
  }

  hit(ms: number): void {
    this.times.push(ms);
    if (this.times.length >= this.target) this.resolve?.();
  }

  get missing(): number {
    return Math.max(0, this.target - this.times.length);
  }
}
