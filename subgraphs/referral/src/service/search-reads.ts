/**
 * DOMAIN.md, "Finding a case": a search is a read of each person it shows. One audit event per
 * referral on the page (its person is the access log's key), written before the page is returned,
 * so a search whose audit cannot be written fails rather than going unlogged.
 */
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import type { Context } from '../context.ts';
import type { ReferralRow } from '../db/schema.ts';

export async function recordSearchReads(ctx: Context, rows: readonly ReferralRow[]): Promise<void> {
  await recordAuditEvents(
    ctx.db,
    auditActor(ctx, ctx.clock.now()),
    rows.map((r) => ({
      action: 'referral.search-result',
      subjectType: 'Referral',
      subjectId: r.id,
      personId: r.personId,
      fields: ['search'],
    })),
  );
}
