/**
 * Calendar-date arithmetic on YYYY-MM-DD strings (Europe/London dates, DOMAIN.md), beside the one
 * clock that says what today is: adding days and months, whole days between, ages, and the
 * instants a London day starts and ends (agreement and grant ends are dates; grants end at an
 * instant).
 */
import { londonDateOf } from './clock.ts';
function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes that month's last
 * day (31 August + 6 months = 28 February, or 29 in a leap year).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return format(ty, tm, Math.min(d, last));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000);
}

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = parts(dateOfBirth);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const laterOf = (a: string, b: string) => (a > b ? a : b);

/** The instant a London calendar day starts (00:00 GMT or BST). */
export function startOfLondonDay(date: string): Date {
  // London is UTC+0 or UTC+1: midnight is 00:00Z or 23:00Z the day before; pick the one that is.
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const bstMidnight = new Date(utcMidnight.getTime() - 60 * 60 * 1000);
  return londonDateOf(bstMidnight) === date ? bstMidnight : utcMidnight;
}

/** The instant just after a London calendar day ends: a grant valid until then lasts the whole day. */
export function endOfLondonDay(date: string): Date {
  return startOfLondonDay(addDays(date, 1));
}
