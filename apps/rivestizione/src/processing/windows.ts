import type { ProcessingWindow } from '../database/entities.js';

const ROME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** The Italian calendar day and the second of that day for an instant. */
export function romeTime(at: Date): { day: string; second: number } {
  const parts = Object.fromEntries(ROME.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, second: Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second) };
}

const secondsOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

export function isWindowOpen(windows: readonly ProcessingWindow[], at: Date): boolean {
  const { second } = romeTime(at);
  return windows.some((w) => second >= secondsOf(w.from) && second < secondsOf(w.to));
}

/** Seconds of processing time left today (Europe/Rome) from `at`, inside the windows. */
export function windowSecondsLeftToday(windows: readonly ProcessingWindow[], at: Date): number {
  const { second } = romeTime(at);
  return windows.reduce((sum, w) => sum + Math.max(0, secondsOf(w.to) - Math.max(second, secondsOf(w.from))), 0);
}

export const windowSecondsPerDay = (windows: readonly ProcessingWindow[]): number => windows.reduce((s, w) => s + secondsOf(w.to) - secondsOf(w.from), 0);

/**
 * The next instant a window opens after `at` (or `at` itself when one is open), searched minute by
 * minute over two days; DST shifts are absorbed because each minute is read back in Rome time.
 */
export function nextWindowOpening(windows: readonly ProcessingWindow[], at: Date): Date {
  if (isWindowOpen(windows, at)) return at;
  const start = Math.ceil(at.getTime() / 60_000) * 60_000;
  for (let t = start; t < start + 2 * 86_400_000; t += 60_000) {
    if (isWindowOpen(windows, new Date(t))) return new Date(t);
  }
  return new Date(start + 2 * 86_400_000);
}

export interface ForecastInput {
  rowsLeft: number;
  usedToday: number;
  dailyBudget: number;
  ratePerSecond: number;
  windows: readonly ProcessingWindow[];
  now: Date;
}

/**
 * "Completamento previsto": when the remaining rows should be done at the Comune's rate, inside its
 * windows, within today's remaining budget and then a full budget per day. Each day's capacity is
 * min(budget, rate × window seconds). `daysNeeded` counts today as the first day.
 */
export function forecastCompletion(f: ForecastInput): { completamentoPrevisto: Date; daysNeeded: number; exceedsTodayBudget: boolean } {
  const perDayByRate = Math.floor(f.ratePerSecond * windowSecondsPerDay(f.windows));
  const todayCapacity = Math.max(0, Math.min(f.dailyBudget - f.usedToday, Math.floor(f.ratePerSecond * windowSecondsLeftToday(f.windows, f.now))));
  const exceedsTodayBudget = f.rowsLeft > Math.max(0, f.dailyBudget - f.usedToday);
  if (f.rowsLeft <= todayCapacity) {
    const open = nextWindowOpening(f.windows, f.now);
    return { completamentoPrevisto: addWindowSeconds(f.windows, open, f.rowsLeft / f.ratePerSecond), daysNeeded: 1, exceedsTodayBudget };
  }
  const perDay = Math.max(1, Math.min(f.dailyBudget, perDayByRate));
  let left = f.rowsLeft - todayCapacity;
  let days = 1;
  // Start of tomorrow's first window: midnight in Rome of the next day, then the next opening.
  let cursor = nextRomeMidnight(f.now);
  for (;;) {
    days++;
    const open = nextWindowOpening(f.windows, cursor);
    if (left <= perDay) return { completamentoPrevisto: addWindowSeconds(f.windows, open, left / f.ratePerSecond), daysNeeded: days, exceedsTodayBudget };
    left -= perDay;
    cursor = nextRomeMidnight(open);
  }
}

function nextRomeMidnight(at: Date): Date {
  const { second } = romeTime(at);
  let t = at.getTime() + (86_400 - second) * 1000;
  // After a DST change the estimate may land an hour off: step until the Rome clock says 00:xx of a new day.
  while (romeTime(new Date(t)).second > 3600) t += 3_600_000;
  return new Date(t - (romeTime(new Date(t)).second % 3600) * 1000);
}

/** `at` plus `seconds` of window time (jumping the closed hours). */
function addWindowSeconds(windows: readonly ProcessingWindow[], at: Date, seconds: number): Date {
  let t = at.getTime();
  let left = Math.ceil(seconds);
  while (left > 0) {
    const here = new Date(t);
    if (!isWindowOpen(windows, here)) {
      t = nextWindowOpening(windows, here).getTime();
      continue;
    }
    const { second } = romeTime(here);
    const w = windows.find((x) => second >= secondsOf(x.from) && second < secondsOf(x.to))!;
    const step = Math.min(left, secondsOf(w.to) - second);
    t += step * 1000;
    left -= step;
  }
  return new Date(t);
}
