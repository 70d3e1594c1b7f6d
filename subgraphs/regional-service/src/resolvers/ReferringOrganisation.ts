import type { ReferringOrganisationResolvers } from '../generated/resolvers.ts';
import { allowedSourcesOf } from '../service/referring-organisations.ts';

export const ReferringOrganisation: ReferringOrganisationResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.referringOrganisationByCode.load(ref.code),
  allowedSources: (o) => allowedSourcesOf(o) as never,
};
