import type { PartnerOrganisationResolvers } from '../generated/resolvers.ts';
import { activeAgreementOf } from '../service/agreements.ts';

export const PartnerOrganisation: PartnerOrganisationResolvers = {
  __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
    ref.id
      ? ctx.loaders.partnerById.load(ref.id)
      : ref.code
        ? ctx.loaders.partnerByCode.load(ref.code)
        : null,
  agreements: (p, _, ctx) => ctx.loaders.agreementsByPartner.load(p.id),
  activeAgreement: async (p, _, ctx) =>
    activeAgreementOf(await ctx.loaders.agreementsByPartner.load(p.id), ctx.clock.today()),
};
