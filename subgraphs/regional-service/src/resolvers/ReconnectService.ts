import type { ReconnectServiceResolvers } from '../generated/resolvers.ts';

export const ReconnectService: ReconnectServiceResolvers = {
  __resolveReference: (ref: { id?: string; code?: string }, ctx) =>
    ref.id
      ? ctx.loaders.serviceById.load(ref.id)
      : ref.code
        ? ctx.loaders.serviceByCode.load(ref.code)
        : null,
  establishments: (service, _, ctx) => ctx.loaders.establishmentsByService.load(service.id),
  localAuthorities: (service, _, ctx) => ctx.loaders.localAuthoritiesByService.load(service.id),
  staff: async (service, args, ctx) => {
    const all = await ctx.loaders.staffByService.load(service.id);
    return args.activeOnly === false ? all : all.filter((s) => s.active);
  },
};
