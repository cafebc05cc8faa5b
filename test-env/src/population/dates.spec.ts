import { describe, expect, it } from '@jest/globals';
import { addDays, addYears, fromDays, isIsoDate, toDays } from './dates.js';

describe('dates', () => {
  it('agrees with Date for every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1) / 86_400_000;
    const end = Date.UTC(2101, 11, 31) / 86_400_000;
    for (let d = start; d <= end; d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (fromDays(d) !== iso || toDays(iso) !== d) throw new Error(`mismatch on ${iso}`);
    }
    expect(fromDays(0)).toBe('1970-01-01');
  });

  it('adds days and years like a calendar', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('1985-12-10', -10)).toBe('1975-12-10');
  });

  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
  });
});
