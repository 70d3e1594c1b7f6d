/**
 * How the console writes dates, enums and periods: GOV.UK style ("3 December 2026", "in 3 weeks"),
 * calendar dates in Europe/London (DOMAIN.md).
 */
const LONDON = 'Europe/London';
const DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "3 December 2026" for a YYYY-MM-DD date (read as a calendar date, not an instant). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return DATE.format(new Date(`${date.slice(0, 10)}T12:00:00Z`));
}

/** "3 December 2026, 9:30am" for an ISO instant, in London time. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  return DATE_TIME.format(new Date(instant)).replace(' am', 'am').replace(' pm', 'pm').replace(' at ', ', ');
}

/** Whole days from `today` to `date` (both YYYY-MM-DD). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** "today", "tomorrow", "in 5 days", "in 3 weeks", "2 months ago". */
export function relativeDate(today: string, date: string | null | undefined): string {
  if (!date) return '';
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const abs = Math.abs(days);
  const [n, unit] =
    abs < 14 ? [abs, 'day'] : abs < 60 ? [Math.round(abs / 7), 'week'] : [Math.round(abs / 30.44), 'month'];
  const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return days > 0 ? `in ${phrase}` : `${phrase} ago`;
}

const SPECIAL: Record<string, string> = {
  PRE_RELEASE: 'Pre-release',
  POST_RELEASE: 'Post-release',
  FACE_TO_FACE: 'Face to face',
  GP_REGISTRATION: 'GP registration',
  IRC: 'IRC',
  IRC_HEALTHCARE: 'IRC healthcare',
  UNDER_18: 'Under 18',
  REMOVED_FROM_UK: 'Removed from the UK',
  MOVED_OUTSIDE_ENGLAND: 'Moved outside England',
  NO_IDENTIFIED_HEALTH_NEED: 'No identified health need',
  HOME_OFFICE_ENFORCEMENT: 'Home Office enforcement',
  NHS_NUMBER: 'NHS number',
  CRN: 'CRN',
  PNC_ID: 'PNC ID',
  HOME_OFFICE_REFERENCE: 'Home Office reference',
};

/** An enum value in words: PRE_RELEASE → "Pre-release", SUBSTANCE_MISUSE → "Substance misuse". */
export function label(value: string | null | undefined): string {
  if (!value) return '';
  const special = SPECIAL[value];
  if (special) return special;
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Status tag colours (GOV.UK tag modifiers). */
export function statusTagClass(status: string): string {
  switch (status) {
    case 'SUBMITTED':
      return 'govuk-tag--blue';
    case 'PRE_RELEASE':
      return 'govuk-tag--turquoise';
    case 'POST_RELEASE':
      return 'govuk-tag--green';
    case 'DECLINED':
    case 'WITHDRAWN':
      return 'govuk-tag--grey';
    case 'DISCHARGED':
      return 'govuk-tag--purple';
    default:
      return '';
  }
}

/** "48%" for a share (0..1); "No data" when the hub says there is nothing to divide by. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return 'No data';
  return `${Math.round(share * 100)}%`;
}

/**
 * A Europe/London wall-clock date and time ("2026-12-01", "14:30") as an ISO instant with offset,
 * whichever of GMT or BST applies that day.
 */
export function londonLocalToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const offsetMinutes = londonOffsetMinutes(guess);
  return new Date(guess.getTime() - offsetMinutes * 60_000).toISOString();
}

function londonOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d+)?/.exec(parts ?? '');
  return match?.[1] ? Number(match[1]) * 60 : 0;
}
