/**
 * ISO date helpers on whole days; dates are always `YYYY-MM-DD` strings in the model. Pure integer
 * arithmetic (proleptic Gregorian, days since 1970-01-01) instead of Date: the generator does
 * hundreds of thousands of these, and Date/Math calls are slow inside Jest's sandbox.
 */

const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);

/** Integer floor division (exact for integers, negative included). */
const div = (a: number, b: number): number => (a - (((a % b) + b) % b)) / b;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = y - 1;
  const leapDays = div(yy, 4) - div(yy, 100) + div(yy, 400);
  const before = 365 * yy + leapDays;
  const doy = CUMULATIVE[m - 1] + (m > 2 && isLeap(y) ? 1 : 0) + d - 1;
  // 719162 = days from 0001-01-01 to 1970-01-01.
  return before + doy - 719162;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;

function format(y: number, m: number, d: number): string {
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;
}

function parse(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

export const toDays = (iso: string): number => {
  const [y, m, d] = parse(iso);
  return daysFromCivil(y, m, d);
};

export function fromDays(days: number): string {
  // Estimate the year, then correct: at most one step either way.
  let y = 1970 + div(days * 400, 146097);
  while (daysFromCivil(y, 1, 1) > days) y--;
  while (daysFromCivil(y + 1, 1, 1) <= days) y++;
  let doy = days - daysFromCivil(y, 1, 1);
  let m = 1;
  for (; m < 12; m++) {
    const len = daysInMonth(y, m);
    if (doy < len) break;
    doy -= len;
  }
  return format(y, m, doy + 1);
}

export const addDays = (iso: string, days: number): string => fromDays(toDays(iso) + days);

export function addYears(iso: string, years: number): string {
  const [y, m, d] = parse(iso);
  const ny = y + years;
  // 29 February + n years lands on 1 March when the target year is not a leap year (as Date does).
  if (d > daysInMonth(ny, m)) return format(ny, m + 1, 1);
  return format(ny, m, d);
}


export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = parse(s);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
