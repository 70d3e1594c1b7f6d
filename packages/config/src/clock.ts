/**
 * The hub's one clock. Every rule that depends on "now" or "today" (windows, deadlines, grant
 * expiry, agreement dates) asks a Clock, so tests and demonstrations can set the time.
 * Calendar dates are Europe/London (DOMAIN.md).
 */
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/London calendar date (YYYY-MM-DD) of an instant. */
export function londonDateOf(instant: Date): string {
  return londonDate.format(instant);
}

export class Clock {
  private offsetMs = 0;

  /** The current instant, shifted by any offset set with `set` or `advance`. */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's calendar date in Europe/London, YYYY-MM-DD. */
  today(): string {
    return londonDateOf(this.now());
  }

  /** Makes `now()` return `instant` from this moment on (time keeps running from there). */
  set(instant: Date | string): void {
    const target =
      typeof instant === 'string'
        ? new Date(instant.length === 10 ? `${instant}T12:00:00Z` : instant)
        : instant;
    if (Number.isNaN(target.getTime())) throw new Error(`not a valid instant: ${String(instant)}`);
    this.offsetMs = target.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
