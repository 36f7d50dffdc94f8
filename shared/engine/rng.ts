// A small seeded PRNG (mulberry32) whose whole state is one 32-bit integer kept in the game state,
// so replaying the same actions from the same seed draws the same numbers. Never Math.random.

/** FNV-1a hash of a string to a 32-bit seed. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function draw(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}

/** A mutable cursor over the PRNG for use inside one reducer step; write `.state` back when done. */
export class Rng {
  constructor(public state: number) {}
  float(): number {
    const [value, next] = draw(this.state);
    this.state = next;
    return value;
  }
  int(maxExclusive: number): number {
    return Math.floor(this.float() * maxExclusive);
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[this.int(items.length)] as T;
  }
  /** Fisher-Yates permutation of 0..n-1. */
  permutation(n: number): number[] {
    const out = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j] as number, out[i] as number];
    }
    return out;
  }
}
