/**
 * What the connector does with a message once the hub (or Prisoner Search) answered, as a pure
 * function the tests drive by table (contract/HMPPS-EVENTS.md; docs/HMPPS-EVENTS-CONNECTOR.md):
 *
 * - `ack`: every answer of applyCustodyEvent (APPLIED outcomes, IGNORED, STALE, ALREADY_APPLIED):
 *   the hub has decided, and a repeat would only answer ALREADY_APPLIED.
 * - `dead-letter`: BAD_USER_INPUT: the message can never apply as it is.
 * - `retry`: CONFLICT (a lost race), DOWNSTREAM_SERVICE_ERROR, INTERNAL_SERVER_ERROR, any code
 *   the connector does not know, and no answer at all: held and tried again with back-off, then
 *   requeued.
 * - `misconfigured`: UNAUTHENTICATED or FORBIDDEN: the connector's token or role is wrong, which
 *   no message can fix: logged at error, the token dropped, and retried like a transient failure,
 *   so nothing is acknowledged (and so lost) while the configuration is wrong.
 */
import type { GatewayAnswer } from './gateway.ts';

export type Verdict = 'ack' | 'dead-letter' | 'retry' | 'misconfigured';

const MISCONFIGURED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

export function verdictOf(answer: GatewayAnswer): Verdict {
  if (answer.kind === 'applied') return 'ack';
  if (answer.kind === 'unreachable') return 'retry';
  if (answer.code === 'BAD_USER_INPUT') return 'dead-letter';
  if (MISCONFIGURED.has(answer.code)) return 'misconfigured';
  return 'retry';
}

/** Exponential back-off with full jitter: attempt 0 waits up to `initialMs`, doubling to `maxMs`. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
