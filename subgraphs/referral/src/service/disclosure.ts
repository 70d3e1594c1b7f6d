/**
 * Disclosure control of commissioners' figures (DOMAIN.md, "Disclosure control (commissioners)"):
 * the small-numbers practice of NHS England's published statistics, as pure functions.
 *
 * - Whole calendar months only: a sliding or single-day window could be differenced against
 *   another to single out one referral (the attack of issue 24: one day at a time).
 * - Counts to the nearest 5; any count from 1 to 7 is shown as 5 and called a small number; 0
 *   stays 0 (nobody can be singled out of nobody).
 * - Shares and medians only over at least 10 people; over fewer they are withheld (null) and
 *   called small numbers. Over nobody they are null because there is nothing to divide by, as in
 *   exact figures, and are not small numbers (as a count of 0 is not).
 *
 * Shown shares are whole percentages and shown medians whole units (days, hours): a share to
 * sixteen digits over a rounded count gives the exact count back (3/11 is 0.2727...: 11 people),
 * and a median over an odd number of people is one person's exact value.
 */

/** Counts are shown to the nearest multiple of this. */
export const ROUNDING_BASE = 5;
/** A count from 1 to this is a small number, shown as ROUNDING_BASE. */
export const SMALL_NUMBER_MAX = 7;
/** Shares and medians are shown only over at least this many people. */
export const MIN_PEOPLE = 10;

/** A figure as shown, and whether it is a small number (to be named in `smallNumbers`). */
export interface Shown<T> {
  value: T;
  small: boolean;
}

function wholeCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a whole number >= 0, got ${n}`);
}

/**
 * A count as a commissioner sees it. Whole counts are never halfway between two multiples of 5 (a
 * remainder of 1 or 2 goes down, 3 or 4 up), so no tie can arise; anything but a whole count is
 * refused rather than rounded by a guess.
 */
export function controlCount(exact: number): Shown<number> {
  wholeCount(exact, 'A count');
  if (exact === 0) return { value: 0, small: false };
  if (exact <= SMALL_NUMBER_MAX) return { value: ROUNDING_BASE, small: true };
  return { value: Math.round(exact / ROUNDING_BASE) * ROUNDING_BASE, small: false };
}

/**
 * `numerator` of `denominator` as a share (0 to 1), over `people` distinct people: null over
 * nobody, withheld (null, small) over fewer than MIN_PEOPLE, otherwise to a whole percentage,
 * halves up (1 of 40 is 2.5%, shown as 3%), worked in whole numbers so that no floating-point
 * error decides a half.
 */
export function controlShare(numerator: number, denominator: number, people: number): Shown<number | null> {
  wholeCount(numerator, 'A numerator');
  wholeCount(denominator, 'A denominator');
  wholeCount(people, 'A number of people');
  if (numerator > denominator) throw new RangeError(`${numerator} of ${denominator} is not a share`);
  if (denominator === 0 || people === 0) return { value: null, small: false };
  if (people < MIN_PEOPLE) return { value: null, small: true };
  const percent = Math.floor((200 * numerator + denominator) / (2 * denominator));
  return { value: percent / 100, small: false };
}

/**
 * A median over `people` distinct people: null over nobody, withheld (null, small) over fewer
 * than MIN_PEOPLE, otherwise to a whole unit, halves away from zero (4.5 days is 5; -0.5 is -1).
 */
export function controlMedian(median: number | null, people: number): Shown<number | null> {
  wholeCount(people, 'A number of people');
  if (median === null || people === 0) return { value: null, small: false };
  if (people < MIN_PEOPLE) return { value: null, small: true };
  const whole = Math.sign(median) * Math.floor(Math.abs(median) + 0.5);
  return { value: whole === 0 ? 0 : whole, small: false };
}

/** The last day of the month of a YYYY-MM-DD date (29 February in a leap year). */
export function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

export interface PeriodError {
  field: 'from' | 'to';
  message: string;
}

/**
 * A commissioner's period is whole calendar months: `from` the first day of a month, `to` the last
 * day of a month or today (the month in progress), not before `from` (so at least one month).
 * Dates are YYYY-MM-DD calendar dates (Europe/London); `today` is the hub clock's.
 */
export function wholeMonthsError(from: string, to: string, today: string): PeriodError | null {
  if (!from.endsWith('-01'))
    return {
      field: 'from',
      message: `Commissioners' figures cover whole calendar months: \`from\` must be the first day of a month (${from.slice(0, 7)}-01).`,
    };
  if (to < from) return { field: 'to', message: '`to` must not be before `from`.' };
  if (to !== lastDayOfMonth(to) && to !== today)
    return {
      field: 'to',
      message: `Commissioners' figures cover whole calendar months: \`to\` must be the last day of a month (${lastDayOfMonth(to)}), or today (${today}) for the month in progress.`,
    };
  return null;
}
