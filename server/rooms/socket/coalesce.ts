// Interrupt moderation for a stream of events, as a network card batches its interrupts: while a room of thousands
// answers, the main thread waits a moment after each event-loop turn's acks, so that the next turn reads many
// sockets at once instead of one.
//
// Why: 4,100 answers over 2 s arrive one every half millisecond, and each woke the process for a turn of its own
// (epoll, timers, immediates, the acks' write), with its code and data gone cold from the caches in between: a
// spread answer cost our server 172-222 us of CPU, one in a burst 65-96 us (docs/BENCHMARKS.md, "Answers read in
// batches"). With a 2 ms wait, a turn reads ~4 answers and a spread answer costs ~125 us; the ack waits at most
// those 2 ms more, and only while events stream in: a class of 30 is acked as before.
import { METRIC, type Metrics } from '../../metrics.js';

/** Turns stay as they are below this many events a second (a class of 30 answering is a few a second). */
export const STREAM_EVENTS_PER_SECOND = 500;
/** How long the rate is counted over before it is judged again. */
const RATE_WINDOW_MS = 250;

export interface CoalesceOptions {
  /** How long the main thread waits after a turn's acks while events stream in; 0: never. */
  waitMs: number;
  metrics: Metrics;
  /** Monotonic milliseconds (performance.now). */
  now?: () => number;
  /** Blocks the thread for `ms` (tests pass a recorder). */
  block?: (ms: number) => void;
}

/** Called after each turn's acks are written, with how many were. */
export type Coalesce = (acked: number) => void;

const cell = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps the thread without spinning: the futex wait of a value nobody changes, so it always times out. */
const blockThread = (ms: number): void => void Atomics.wait(cell, 0, 0, ms);

export function createCoalesce(opts: CoalesceOptions): Coalesce {
  if (opts.waitMs <= 0) return () => {};
  const now = opts.now ?? (() => performance.now());
  const block = opts.block ?? blockThread;
  let windowStart = now();
  let windowEvents = 0;
  let streaming = false;
  return (acked) => {
    windowEvents += acked;
    const t = now();
    if (t - windowStart >= RATE_WINDOW_MS) {
      streaming = (windowEvents * 1000) / (t - windowStart) >= STREAM_EVENTS_PER_SECOND;
      windowStart = t;
      windowEvents = 0;
    }
    if (!streaming) return;
    // Blocking the loop is the point: a timer or a read due in these 2 ms waits for them, in the kernel's buffers.
    block(opts.waitMs);
    opts.metrics.inc(METRIC.coalesceWaits);
  };
}
