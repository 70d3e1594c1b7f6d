/**
 * Who is party to a handover (AUTH.md, handovers): the sending and the receiving service. The one
 * predicate behind the shield's `handoverParty`, the handovers a resolver shows, and the handover
 * write path's NOT_FOUND.
 */
import type { Principal } from '@reconnect/auth';
import type { HandoverRow } from '../db/schema.ts';

/** Whether the caller's organisation sent or receives this handover. */
export function isHandoverParty(
  principal: Principal,
  h: Pick<HandoverRow, 'fromServiceCode' | 'toServiceCode'>,
): boolean {
  const org = principal.organisationCode;
  return !!org && (h.fromServiceCode === org || h.toServiceCode === org);
}
