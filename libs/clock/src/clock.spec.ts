import { describe, expect, it } from '@jest/globals';
import { FakeClock, SystemClock } from './clock.js';
import { addDays, italianDay, italianHour, nextItalianMidnight, secondsToItalianMidnight } from './italian-time.js';

describe('Italian civil time', () => {
  it('gives the Italian date, not the UTC one, around midnight in winter and summer', () => {
    expect(italianDay(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(italianDay(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(italianDay(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(italianDay(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });

  it('gives the Italian hour', () => {
    expect(italianHour(new Date('2026-01-15T23:30:00Z'))).toBe(0);
    expect(italianHour(new Date('2026-07-15T12:00:00Z'))).toBe(14);
  });

  it('counts the seconds to the next Italian midnight, rounding up', () => {
    expect(secondsToItalianMidnight(new Date('2026-01-15T22:59:58Z'))).toBe(2);
    expect(secondsToItalianMidnight(new Date('2026-01-15T22:59:59.200Z'))).toBe(1);
    expect(secondsToItalianMidnight(new Date('2026-01-15T23:00:00Z'))).toBe(86_400);
    expect(secondsToItalianMidnight(new Date('2026-07-15T12:00:00Z'))).toBe(10 * 3600); // 14:00 CEST
  });

  it('knows that the days the clocks change last 23 and 25 hours', () => {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST. 25 October 2026: 03:00 CEST becomes 02:00 CET.
    expect(nextItalianMidnight(new Date('2026-03-28T23:00:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(secondsToItalianMidnight(new Date('2026-03-28T23:00:00Z'))).toBe(23 * 3600);
    expect(secondsToItalianMidnight(new Date('2026-10-24T22:00:00Z'))).toBe(25 * 3600);
    expect(nextItalianMidnight(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('addDays', () => {
  it('moves a civil date across months, leap days and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', 0)).toBe('2026-03-29');
  });
});

describe('FakeClock', () => {
  it('stands still until set or advanced, and answers in Italian time', () => {
    const sut = new FakeClock('2026-03-10T22:59:58Z');
    expect(sut.now().toISOString()).toBe('2026-03-10T22:59:58.000Z');
    expect(sut.italianDay()).toBe('2026-03-10');
    expect(sut.italianHour()).toBe(23);
    expect(sut.secondsToItalianMidnight()).toBe(2);
    sut.advance(2000);
    expect(sut.italianDay()).toBe('2026-03-11');
    expect(sut.italianHour()).toBe(0);
    expect(sut.secondsToItalianMidnight()).toBe(86_400);
    sut.set('2026-07-01T10:00:00Z');
    expect(sut.italianDay()).toBe('2026-07-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => new FakeClock('yesterday')).toThrow('FakeClock: not an instant: yesterday');
  });
});

describe('SystemClock', () => {
  it('reads the machine clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
