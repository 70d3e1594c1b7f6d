/** Instants of Europe/London calendar days (agreement ends are dates; grants end at an instant). */
import { londonDateOf } from '@reconnect/config';

/** The next calendar day, YYYY-MM-DD. */
function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instant a London calendar day starts (00:00 GMT or BST). */
export function startOfLondonDay(date: string): Date {
  // London is UTC+0 or UTC+1: midnight is 00:00Z or 23:00Z the day before; pick the one that is.
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const bstMidnight = new Date(utcMidnight.getTime() - 60 * 60 * 1000);
  return londonDateOf(bstMidnight) === date ? bstMidnight : utcMidnight;
}

/** The instant just after a London calendar day ends: a grant valid until then lasts the whole day. */
export function endOfLondonDay(date: string): Date {
  return startOfLondonDay(nextDay(date));
}
