import { asc } from 'drizzle-orm';
import { hasRole } from '@reconnect/auth';
import type { Context } from '../context.ts';
import { partnerOrganisations } from '../db/schema.ts';
import { caseListPage, type CaseListArgs } from '../service/case-list.ts';
import { visibleCase } from '../service/cases.ts';

export const Query = {
  /**
   * RECONNECT staff and admins see every partner; a partner sees only its own organisation
   * (AUTH.md: "partner organisations and agreements ... own organisation only").
   */
  partnerOrganisations: async (_: unknown, __: unknown, ctx: Context) => {
    if (hasRole(ctx.principal, 'RECONNECT_STAFF', 'RECONNECT_LEAD', 'RECONNECT_ADMIN')) {
      return ctx.db.select().from(partnerOrganisations).orderBy(asc(partnerOrganisations.code));
    }
    const own = ctx.principal.organisationCode
      ? await ctx.loaders.partnerByCode.load(ctx.principal.organisationCode)
      : null;
    return own ? [own] : [];
  },
  enhancedCase: async (_: unknown, args: { id: string }, ctx: Context) =>
    visibleCase(ctx, await ctx.loaders.caseById.load(args.id)),
  enhancedCases: (_: unknown, args: CaseListArgs, ctx: Context) => caseListPage(ctx, args),
};
