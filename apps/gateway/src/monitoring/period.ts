import { problem } from '../common/problem.js';

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });
const ROME_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The day (YYYY-MM-DD) of an instant in Italy. */
export const romeDay = (t: Date): string => ROME_DAY.format(t);
/** The time of day (HH:MM) of an instant in Italy. */
export const romeTime = (t: Date): string => ROME_TIME.format(t);

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

export interface Period {
  from: string;
  to: string;
  /** UTC bounds wide enough to hold every instant of those Italian days (filter by romeDay after). */
  since: Date;
  until: Date;
}

/** A period of Italian days: `to` defaults to today, `from` to `defaultDays` - 1 days before; at most `maxDays`. */
export function period(q: { from?: string; to?: string }, defaultDays = 30, maxDays = 366, now = new Date()): Period {
  const to = q.to ?? romeDay(now);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  if (from > to) throw problem('validation-failed', 'from must not be after to', { errors: [{ field: 'from', message: 'must not be after to' }] });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400_000) + 1;
  if (days > maxDays) throw problem('validation-failed', `The period is ${days} days; at most ${maxDays}`, { errors: [{ field: 'from', message: `the period may span at most ${maxDays} days` }] });
  return { from, to, since: new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`)), until: new Date(Date.parse(`${addDays(to, 1)}T23:59:59.999Z`)) };
}

export { addDays };

/** Is HH:MM inside a window that may cross midnight (22:00–06:00)? */
export function inWindow(time: string, start: string, end: string): boolean {
  return start <= end ? time >= start && time < end : time >= start || time < end;
}
