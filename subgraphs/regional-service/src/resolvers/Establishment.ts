import type { EstablishmentResolvers } from '../generated/resolvers.ts';

export const Establishment: EstablishmentResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.establishmentByCode.load(ref.code),
  localService: (e, _, ctx) => (e.localServiceId ? ctx.loaders.serviceById.load(e.localServiceId) : null),
};
