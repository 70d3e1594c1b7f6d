import type { LocalAuthorityResolvers } from '../generated/resolvers.ts';

export const LocalAuthority: LocalAuthorityResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.localAuthorityByCode.load(ref.code),
  receivingService: (la, _, ctx) =>
    la.receivingServiceId ? ctx.loaders.serviceById.load(la.receivingServiceId) : null,
};
