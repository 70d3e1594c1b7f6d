/**
 * The connector's counters, in one small object the process exposes (`connector.stats`) so that
 * metrics can be read from it: every message ends in exactly one of `outcomes` (acknowledged after
 * the hub answered, by the hub's outcome code), `skipped` (acknowledged without a call: not for
 * the hub, or no release date to send), `deadLettered` (by reason) or `requeued`; `retries`
 * counts the attempts that failed on the way, by code. No personal data.
 */
export interface ConnectorStats {
  outcomes: Record<string, number>;
  skipped: Record<string, number>;
  deadLettered: Record<string, number>;
  requeued: number;
  retries: Record<string, number>;
  /** Milliseconds from the event's occurredAt to the hub's answer, for the last one applied. */
  lastAppliedLagMs: number | null;
  lastAppliedAt: Date | null;
  /** Whether the connector holds a broker connection now. */
  connected: boolean;
}

export function newStats(): ConnectorStats {
  return {
    outcomes: {},
    skipped: {},
    deadLettered: {},
    requeued: 0,
    retries: {},
    lastAppliedLagMs: null,
    lastAppliedAt: null,
    connected: false,
  };
}

export function count(counters: Record<string, number>, key: string): void {
  counters[key] = (counters[key] ?? 0) + 1;
}

/** Messages the connector has finished with (acknowledged, dead-lettered or requeued). */
export function finished(stats: ConnectorStats): number {
  const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
  return sum(stats.outcomes) + sum(stats.skipped) + sum(stats.deadLettered) + stats.requeued;
}
