/**
 * HMPPS Prisoner Search, asked for a person's release dates when a release-date event arrives
 * (they carry no dates): `GET {url}/prisoner/{prisonNumber}` with the connector's client token;
 * `confirmedReleaseDate`, else `releaseDate` (contract/HMPPS-EVENTS.md). A 404 or no date means
 * nothing to send.
 */
import type { TokenSource } from './tokens.ts';

export type ReleaseDateAnswer =
  | { kind: 'date'; date: string }
  | { kind: 'none' }
  /** A date that is not an ISO calendar date: the message cannot apply as it is. */
  | { kind: 'malformed' }
  | { kind: 'refused'; status: number }
  | { kind: 'unreachable'; detail: string };

export interface PrisonerSearch {
  releaseDateOf(prisonNumber: string, signal?: AbortSignal): Promise<ReleaseDateAnswer>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function prisonerSearchClient(options: {
  url: string;
  token: TokenSource;
  timeoutMs?: number;
}): PrisonerSearch {
  const base = options.url.replace(/\/+$/, '');
  return {
    async releaseDateOf(prisonNumber, signal) {
      let token: string;
      try {
        token = await options.token.get();
      } catch (error) {
        return { kind: 'unreachable', detail: `token: ${error instanceof Error ? error.name : 'failed'}` };
      }
      let response: Response;
      try {
        const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
        response = await fetch(`${base}/prisoner/${encodeURIComponent(prisonNumber)}`, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        return { kind: 'unreachable', detail: error instanceof Error ? error.name : 'fetch failed' };
      }
      if (response.status === 404) return { kind: 'none' };
      if (response.status === 401 || response.status === 403) {
        if (response.status === 401) options.token.invalidate();
        return { kind: 'refused', status: response.status };
      }
      if (!response.ok) return { kind: 'unreachable', detail: `HTTP ${response.status}` };
      let body: { confirmedReleaseDate?: unknown; releaseDate?: unknown };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        return { kind: 'unreachable', detail: 'not JSON' };
      }
      const date = [body.confirmedReleaseDate, body.releaseDate].find(
        (d): d is string => typeof d === 'string' && d !== '',
      );
      if (!date) return { kind: 'none' };
      return isCalendarDate(date) ? { kind: 'date', date } : { kind: 'malformed' };
    },
  };
}
