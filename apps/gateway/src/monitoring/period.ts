import { addDays, italianDay, italianWallClock } from '#libs/clock';
import { problem } from '../common/problem.js';

/** The time of day (HH:MM) of an instant in Italy. */
export function romeTime(t: Date): string {
  const w = italianWallClock(t);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

export interface Period {
  from: string;
  to: string;
  /** UTC bounds wide enough to hold every instant of those Italian days (filter by romeDay after). */
  since: Date;
  until: Date;
}

/** A period of Italian days: `to` defaults to today, `from` to `defaultDays` - 1 days before; at most `maxDays`. */
export function period(q: { from?: string; to?: string }, defaultDays: number, maxDays: number, now: Date): Period {
  const to = q.to ?? italianDay(now);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  if (from > to) throw problem('validation-failed', 'from must not be after to', { errors: [{ field: 'from', message: 'must not be after to' }] });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400_000) + 1;
  if (days > maxDays) throw problem('validation-failed', `The period is ${days} days; at most ${maxDays}`, { errors: [{ field: 'from', message: `the period may span at most ${maxDays} days` }] });
  return { from, to, since: new Date(Date.parse(`${addDays(from, -1)}T00:00:00Z`)), until: new Date(Date.parse(`${addDays(to, 1)}T23:59:59.999Z`)) };
}

/** Is HH:MM inside a window that may cross midnight (22:00–06:00)? */
export function inWindow(time: string, start: string, end: string): boolean {
  return start <= end ? time >= start && time < end : time >= start || time < end;
}
