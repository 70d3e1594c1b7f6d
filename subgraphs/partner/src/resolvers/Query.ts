import type { QueryResolvers } from '../generated/resolvers.ts';
import { caseListPage } from '../service/case-list.ts';
import { visibleCase } from '../service/cases.ts';
import { visiblePartnerOrganisations } from '../service/organisations.ts';
import { subjectAccessPart } from '../service/subject-access.ts';

export const Query: QueryResolvers = {
  /** Every partner for staff and admins, its own for a partner (service/organisations.ts). */
  partnerOrganisations: (_, __, ctx) => visiblePartnerOrganisations(ctx),
  enhancedCase: async (_, args, ctx) => visibleCase(ctx, await ctx.loaders.caseById.load(args.id)),
  enhancedCases: (_, args, ctx) => caseListPage(ctx, args),
  /** Internal: the person subgraph's subject access report asks for this subgraph's part. */
  partnerSubjectAccessPart: (_, args, ctx) => subjectAccessPart(ctx, args),
};
