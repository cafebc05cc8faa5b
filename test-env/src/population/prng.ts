/**
 * A small seeded PRNG (sfc32, seeded through a warm-up). The synthetic population must be identical
 * for a given seed on every machine and Node version, so Math.random is never used. sfc32 needs only
 * additions, shifts and xors: under Jest's sandbox every `Math.*` call crosses realms and costs
 * ~200 ns, which made a multiply-based generator (mulberry32 needs Math.imul) the bottleneck.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [min, max], both included (ranges below 2^31). */
  int(min: number, max: number): number {
    return min + ((this.next() * (max - min + 1)) | 0);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[(this.next() * items.length) | 0];
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[(this.next() * alphabet.length) | 0];
    return out;
  }

  /** An independent generator derived from this one (so adding draws in one place does not shift another). */
  fork(): Prng {
    return new Prng(this.nextUint32());
  }
}

/** Seeds may be given as text (e.g. from an env var); non-numeric text is hashed with FNV-1a to 32 bits. */
export function normaliseSeed(seed: number | string): number {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new Error('seed must be a finite number');
    return Math.trunc(seed) >>> 0;
  }
  if (/^\d+$/.test(seed)) return Number(seed) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
