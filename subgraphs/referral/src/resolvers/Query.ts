import type { Context } from '../context.ts';
import { caseloadPage, type CaseloadArgs } from '../service/caseload.ts';
import { normaliseReference } from '../service/reference.ts';
import { visibleReferral } from '../service/visibility.ts';

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
      { db: ctx.db, principal: ctx.principal, now: ctx.clock.now(), today: ctx.clock.today() },
      args,
    );
    // Later fields (duplicateOf, Person.referrals) may ask for these rows again in this request.
    for (const row of page.nodes) ctx.loaders.referralById.prime(row.id, row);
    return page;
  },
};
