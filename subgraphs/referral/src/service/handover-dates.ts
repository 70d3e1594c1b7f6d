/**
 * A handover's deadline (DOMAIN.md "Cross-area handover": the receiving service responds within two
 * working days, Monday to Friday). Pure, so the rule is tested as a table.
 *
 * The rule, where DOMAIN.md is silent: the deadline is the same Europe/London clock time two
 * working days after the request (Friday 15:00 -> Tuesday 15:00). A request made on a day that is
 * not a working day (a weekend or a bank holiday in England) counts from 00:00 of the next working
 * day, so a Saturday request is due at Wednesday 00:00 (the end of Tuesday).
 *
 * Bank holidays come from `date-holidays` (GB-ENG, its "public" days: the bank holidays of England
 * and Wales, substitute days included), a maintained calendar, rather than a hand-typed list that
 * would go stale (DOMAIN.md asks for a maintained source).
 */
import Holidays from 'date-holidays';
import type { HandoverStatus } from '../db/schema.ts';

export const RESPONSE_WORKING_DAYS = 2;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function wallTimeOf(instant: Date): WallTime {
  const parts = Object.fromEntries(londonParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: instant.getUTCMilliseconds(),
  };
}

/**
 * The instant a Europe/London wall time names. Weekday wall times always exist exactly once (the
 * clocks change on Sundays), which is all the deadline ever lands on.
 */
function instantOf(w: WallTime): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms);
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const seen = wallTimeOf(new Date(guess));
    const seenAsUtc = Date.UTC(
      seen.year,
      seen.month - 1,
      seen.day,
      seen.hour,
      seen.minute,
      seen.second,
      w.ms,
    );
    guess += asUtc - seenAsUtc;
  }
  return new Date(guess);
}

/** Day of the week of a calendar date: 0 Sunday ... 6 Saturday. */
const weekday = (w: WallTime) => new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();

const englandCalendar = new Holidays('GB', 'ENG');
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays in England of one year, as `YYYY-MM-DD` (computed once per year). */
function bankHolidaysOf(year: number): ReadonlySet<string> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    days = new Set(
      englandCalendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

/** The bank holidays in England of these years, as `YYYY-MM-DD`, in order (dueWork's working days). */
export function bankHolidaysInEngland(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year += 1) days.push(...[...bankHolidaysOf(year)].sort());
  return days;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A bank holiday in England (Europe/London calendar date). */
export function isBankHolidayInEngland(w: { year: number; month: number; day: number }): boolean {
  return bankHolidaysOf(w.year).has(`${w.year}-${pad(w.month)}-${pad(w.day)}`);
}

/** Monday to Friday and not a bank holiday in England. */
const isWorkingDay = (w: WallTime) => weekday(w) !== 0 && weekday(w) !== 6 && !isBankHolidayInEngland(w);

function nextDay(w: WallTime): WallTime {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return { ...w, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** When the receiving service must respond to a handover requested at `requestedAt`. */
export function respondByFor(requestedAt: Date, workingDays = RESPONSE_WORKING_DAYS): Date {
  let w = wallTimeOf(requestedAt);
  if (!isWorkingDay(w)) {
    while (!isWorkingDay(w)) w = nextDay(w);
    w = { ...w, hour: 0, minute: 0, second: 0, ms: 0 };
  }
  for (let left = workingDays; left > 0;) {
    w = nextDay(w);
    if (isWorkingDay(w)) left -= 1;
  }
  return instantOf(w);
}

/** Still waiting for the receiving service's answer after its deadline. */
export function isOverdue(h: { status: HandoverStatus; respondBy: Date }, now: Date): boolean {
  return h.status === 'REQUESTED' && now.getTime() > h.respondBy.getTime();
}
