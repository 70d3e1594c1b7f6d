import type { Context } from '../context.ts';
import type { PartnerRow } from '../db/schema.ts';
import { activeAgreementOf } from '../service/agreements.ts';

export const PartnerOrganisation = {
  __resolveReference: (ref: { id?: string; code?: string }, ctx: Context) =>
    ref.id
      ? ctx.loaders.partnerById.load(ref.id)
      : ref.code
        ? ctx.loaders.partnerByCode.load(ref.code)
        : null,
  agreements: (p: PartnerRow, _: unknown, ctx: Context) => ctx.loaders.agreementsByPartner.load(p.id),
  activeAgreement: async (p: PartnerRow, _: unknown, ctx: Context) =>
    activeAgreementOf(await ctx.loaders.agreementsByPartner.load(p.id), ctx.clock.today()),
};
