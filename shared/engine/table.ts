// Id-keyed tables inside copy-on-write game states (players; a question's answers). A table is a two-level trie on a
// hash of the id: 32 slots, each (once used) an index of 32 buckets, each bucket an array of [id, value] pairs.
// Changing one entry copies the top (32 slots), one index (32) and one short bucket, never a record of every player;
// a lookup reads two slots and scans a bucket of ~4 entries at 4,100 players (one flat level of 64 buckets scanned
// ~64 ids per lookup there, and copied 64 per write: docs/BENCHMARKS.md, "Tables in two levels"). Arrays, not objects:
// V8 keeps an object keyed by random ids as a dictionary, and copying one costs ~8 us whatever its size, where slicing
// a short array costs ~0.4 us. Plain arrays stay JSON-serialisable.
import { hashSeed } from './rng.js';

type Bucket<T> = ReadonlyArray<readonly [string, T]>;
type Index<T> = ReadonlyArray<Bucket<T> | null>;
export type Table<T> = ReadonlyArray<Index<T> | null>;
/** A table a writer owns while it copies: the same arrays, writable. */
type OwnedTable<T> = Array<Array<Array<readonly [string, T]> | null> | null>;

// 32 x 32 buckets: ~4 entries each at 4,100 players, ~2 at 2,000.
const WIDTH = 32;
const BITS = 5;
const MASK = WIDTH - 1;

export const EMPTY_TABLE: Table<never> = [];

const emptySlots = <S>(): Array<S | null> => new Array<S | null>(WIDTH).fill(null);

export function getIn<T>(table: Table<T>, id: string): T | undefined {
  const h = hashSeed(id);
  const bucket = table[h & MASK]?.[(h >>> BITS) & MASK];
  // An indexed loop: no iterator and no destructuring on the hottest lookup of the engine.
  if (bucket)
    for (let i = 0; i < bucket.length; i++) {
      const entry = bucket[i]!;
      if (entry[0] === id) return entry[1];
    }
  return undefined;
}

/**
 * The table with `id` set to `value`, sharing every other index and bucket with the input (which is not changed).
 * One write (an answer): the top, one index and one bucket copied, nothing else made (it runs 4,100 times a question).
 */
export function withIn<T>(table: Table<T>, id: string, value: T): Table<T> {
  const h = hashSeed(id);
  const top = table.length === 0 ? emptySlots<Index<T>>() : table.slice();
  const t = h & MASK;
  const index = top[t]?.slice() ?? emptySlots<Bucket<T>>();
  const b = (h >>> BITS) & MASK;
  const old = index[b] ?? [];
  const at = indexIn(old, id);
  // A new entry: one array of the new length (a slice then a push would grow the copy's store a second time).
  const bucket = at < 0 ? old.concat([[id, value]]) : old.slice();
  if (at >= 0) bucket[at] = [id, value];
  index[b] = bucket;
  top[t] = index;
  return top;
}

/**
 * Many writes within one reducer step: the top, each touched index and each touched bucket are copied once, on their
 * first write (closing a question updates every player: one copy of each, not one per player).
 */
export class TableWriter<T> {
  private top: OwnedTable<T> | null = null;
  /** Which indexes (bit t) and which of their buckets (ownedBuckets[t], bit b) this writer already copied. */
  private ownedIndexes = 0;
  private readonly ownedBuckets = new Uint32Array(WIDTH);

  constructor(private readonly base: Table<T>) {}

  get table(): Table<T> {
    return this.top ?? this.base;
  }

  get(id: string): T | undefined {
    return getIn(this.table, id);
  }

  set(id: string, value: T): void {
    const h = hashSeed(id);
    const top = (this.top ??= (this.base.length === 0 ? emptySlots() : this.base.slice()) as OwnedTable<T>);
    const t = h & MASK;
    let index = top[t];
    if (!index || !(this.ownedIndexes & (1 << t))) {
      index = index ? index.slice() : emptySlots();
      top[t] = index;
      this.ownedIndexes |= 1 << t;
    }
    const b = (h >>> BITS) & MASK;
    let bucket = index[b];
    if (!bucket || !(this.ownedBuckets[t]! & (1 << b))) {
      bucket = bucket ? bucket.slice() : [];
      index[b] = bucket;
      this.ownedBuckets[t]! |= 1 << b;
    }
    const at = indexIn(bucket, id);
    if (at >= 0) bucket[at] = [id, value];
    else bucket.push([id, value]);
  }
}

/** Where `id` is in a bucket, or -1 (an indexed loop: no closure per write). */
function indexIn<T>(bucket: Bucket<T>, id: string): number {
  for (let i = 0; i < bucket.length; i++) if (bucket[i]![0] === id) return i;
  return -1;
}

/** Every [id, value] pair, in slot then bucket order (deterministic for a given set of ids). */
export function entriesOf<T>(table: Table<T>): Array<readonly [string, T]> {
  const out: Array<readonly [string, T]> = [];
  for (const index of table) if (index) for (const bucket of index) if (bucket) for (const e of bucket) out.push(e);
  return out;
}

export function sizeOf(table: Table<unknown>): number {
  let n = 0;
  for (const index of table) if (index) for (const bucket of index) n += bucket?.length ?? 0;
  return n;
}
