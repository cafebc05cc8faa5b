/**
 * Civil time in Italy. ANPR's dates, daily quotas and the registry office's working day are all
 * Italian civil dates (Europe/Rome, with its summer time), never UTC ones.
 */
export const ITALIAN_TIME_ZONE = 'Europe/Rome';

// Formatters are costly to build and are used on every request: build them once.
const WALL_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: ITALIAN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Italy at an instant. */
export interface ItalianWallClock {
  /** YYYY-MM-DD */
  day: string;
  hour: number;
  minute: number;
  second: number;
}

export function italianWallClock(at: Date): ItalianWallClock {
  const parts: Record<string, string> = {};
  for (const p of WALL_CLOCK.formatToParts(at)) parts[p.type] = p.value;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The Italian civil date (YYYY-MM-DD) at an instant. */
export function italianDay(at: Date): string {
  return italianWallClock(at).day;
}

/** The hour (0–23) on an Italian wall clock at an instant. */
export function italianHour(at: Date): number {
  return italianWallClock(at).hour;
}

/** Milliseconds Italy is ahead of UTC at an instant (one or two hours). */
function italianOffsetMs(at: Date): number {
  const w = italianWallClock(at);
  const [y, m, d] = w.day.split('-').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant the next Italian day begins (the midnight after `at`). */
export function nextItalianMidnight(at: Date): Date {
  const [y, m, d] = italianDay(at).split('-').map(Number);
  const midnightAsUtc = Date.UTC(y, m - 1, d + 1);
  // Italy changes its clocks at 02:00/03:00, never around midnight: the offset late in the evening
  // before (three hours before that midnight read as UTC) is the offset at midnight.
  return new Date(midnightAsUtc - italianOffsetMs(new Date(midnightAsUtc - 3 * 3_600_000)));
}

/**
 * Whole seconds (rounded up, so at least 1) until the next Italian midnight, when daily quotas
 * reset. Days on which the clocks change last 23 or 25 hours, and the answer says so.
 */
export function secondsToItalianMidnight(at: Date): number {
  return Math.max(1, Math.ceil((nextItalianMidnight(at).getTime() - at.getTime()) / 1000));
}

/** A civil date (YYYY-MM-DD) moved by whole days: `addDays('2026-03-01', -1)` is '2026-02-28'. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
