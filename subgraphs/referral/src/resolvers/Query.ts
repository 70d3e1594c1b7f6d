import type { Context } from '../context.ts';
import { caseloadPage, type CaseloadArgs } from '../service/caseload.ts';
import { handoverPage, type HandoverListArgs } from '../service/handover-list.ts';
import { normaliseReference } from '../service/reference.ts';
import { visibleReferral } from '../service/visibility.ts';
import { computeServiceMetrics, metricsScope, validatePeriod } from '../service/metrics.ts';
import { listWebhooks } from '../service/webhooks.ts';

export const Query = {
  referral: async (_: unknown, args: { id: string }, ctx: Context) =>
    visibleReferral(ctx, await ctx.loaders.referralById.load(args.id)),
  referralByReference: async (_: unknown, args: { reference: string }, ctx: Context) => {
    const reference = normaliseReference(args.reference);
    return reference ? visibleReferral(ctx, await ctx.loaders.referralByReference.load(reference)) : null;
  },
  /** The caller's caseload; the SQL in service/caseload.ts decides what it may see. */
  referrals: async (_: unknown, args: CaseloadArgs, ctx: Context) => {
    const page = await caseloadPage(
      { db: ctx.db, principal: ctx.principal, now: ctx.access.at, today: ctx.clock.today() },
      args,
    );
    // Later fields (duplicateOf, Person.referrals) may ask for these rows again in this request.
    for (const row of page.nodes) ctx.loaders.referralById.prime(row.id, row);
    return page;
  },
  /** Handovers to or from the caller's own service; the SQL names no other service. */
  handovers: (_: unknown, args: HandoverListArgs, ctx: Context) =>
    handoverPage({ db: ctx.db, principal: ctx.principal, now: ctx.access.at }, args),
  /** The caller's organisation's subscriptions only. */
  webhooks: (_: unknown, _args: unknown, ctx: Context) => listWebhooks(ctx),
  /** Aggregates computed in SQL; see service/metrics.ts for each figure's definition. */
  serviceMetrics: (
    _: unknown,
    args: { serviceCode?: string | null; from: string; to: string },
    ctx: Context,
  ) => {
    validatePeriod(args.from, args.to);
    const serviceCode = metricsScope(ctx.principal, args.serviceCode);
    return computeServiceMetrics(ctx.db, { serviceCode, from: args.from, to: args.to, now: ctx.clock.now() });
  },
};
