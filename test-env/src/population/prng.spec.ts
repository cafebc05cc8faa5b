import { describe, expect, it } from '@jest/globals';
import { normaliseSeed, Prng } from './prng.js';

describe('Prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.nextUint32())).not.toEqual(sa);
  });

  it('stays within ranges and is roughly uniform', () => {
    const r = new Prng(7);
    const counts = new Array(10).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const n = r.int(0, 9);
      if (!(n >= 0 && n <= 9)) outOfRange++;
      else counts[n]++;
    }
    expect(outOfRange).toBe(0);
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
    const xs = Array.from({ length: 1000 }, () => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('normalises numeric and textual seeds', () => {
    expect(normaliseSeed(5)).toBe(5);
    expect(normaliseSeed('5')).toBe(5);
    expect(normaliseSeed(-1)).toBe(4294967295);
    expect(normaliseSeed('sandbox')).toBe(normaliseSeed('sandbox'));
    expect(normaliseSeed('sandbox')).not.toBe(normaliseSeed('sandbox2'));
    expect(() => normaliseSeed(Number.NaN)).toThrow();
  });
});
