import { describe, expect, it } from '@jest/globals';
import { parseWindows } from '../config.js';
import { forecastCompletion, isWindowOpen, nextWindowOpening, romeTime } from './windows.js';

const DAY = parseWindows('08:00-18:00');

describe('processing windows (Europe/Rome)', () => {
  it('reads Rome time across daylight saving', () => {
    expect(romeTime(new Date('2026-12-03T07:30:00Z'))).toEqual({ day: '2026-12-03', second: 8.5 * 3600 });
    expect(romeTime(new Date('2026-07-01T06:30:00Z'))).toEqual({ day: '2026-07-01', second: 8.5 * 3600 });
    expect(romeTime(new Date('2026-12-03T23:30:00Z')).day).toBe('2026-12-04');
  });

  it('is open 08:00–18:00 by default: closed for ANPR\'s 20–24 maintenance and the 18–08 band', () => {
    expect(isWindowOpen(DAY, new Date('2026-12-03T06:59:00Z'))).toBe(false); // 07:59
    expect(isWindowOpen(DAY, new Date('2026-12-03T07:00:00Z'))).toBe(true); // 08:00
    expect(isWindowOpen(DAY, new Date('2026-12-03T16:59:59Z'))).toBe(true); // 17:59:59
    expect(isWindowOpen(DAY, new Date('2026-12-03T17:00:00Z'))).toBe(false); // 18:00
    expect(isWindowOpen(DAY, new Date('2026-12-03T20:00:00Z'))).toBe(false); // 21:00
  });

  it('finds the next opening', () => {
    expect(nextWindowOpening(DAY, new Date('2026-12-03T19:00:00Z')).toISOString()).toBe('2026-12-04T07:00:00.000Z');
    const open = new Date('2026-12-03T10:00:00Z');
    expect(nextWindowOpening(DAY, open)).toBe(open);
  });

  it('refuses malformed windows with the variable\'s name', () => {
    expect(() => parseWindows('18:00-08:00')).toThrow('RIVESTIZIONE_DEFAULT_WINDOWS: "18:00-08:00" is not a window HH:MM-HH:MM with from < to');
    expect(parseWindows('08:00-12:00, 14:00-18:00')).toEqual([{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }]);
  });
});

describe('completamento previsto', () => {
  const base = { dailyBudget: 1000, ratePerSecond: 1, windows: DAY };

  it('today, at the rate, when today\'s budget and window suffice', () => {
    const f = forecastCompletion({ ...base, rowsLeft: 600, usedToday: 0, now: new Date('2026-12-03T09:00:00Z') }); // 10:00 Rome
    expect(f).toEqual({ completamentoPrevisto: new Date('2026-12-03T09:10:00Z'), daysNeeded: 1, exceedsTodayBudget: false });
  });

  it('waits for the window to open', () => {
    const f = forecastCompletion({ ...base, rowsLeft: 60, usedToday: 0, now: new Date('2026-12-03T05:00:00Z') }); // 06:00 Rome
    expect(f.completamentoPrevisto).toEqual(new Date('2026-12-03T07:01:00Z'));
  });

  it('spreads over days when the rows need more than today\'s budget', () => {
    // 2,500 rows, 400 left in today's budget: 400 today, 1,000 tomorrow, 1,000 the day after, 100 on the fourth day.
    const f = forecastCompletion({ ...base, rowsLeft: 2500, usedToday: 600, now: new Date('2026-12-03T09:00:00Z') });
    expect(f).toEqual({ completamentoPrevisto: new Date('2026-12-06T07:01:40Z'), daysNeeded: 4, exceedsTodayBudget: true });
  });
});
