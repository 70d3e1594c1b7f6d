import type { Context } from '../context.ts';
import type { ServiceRow } from '../db/schema.ts';

export const ReconnectService = {
  __resolveReference: (ref: { id?: string; code?: string }, ctx: Context) =>
    ref.id
      ? ctx.loaders.serviceById.load(ref.id)
      : ref.code
        ? ctx.loaders.serviceByCode.load(ref.code)
        : null,
  establishments: (service: ServiceRow, _: unknown, ctx: Context) =>
    ctx.loaders.establishmentsByService.load(service.id),
  localAuthorities: (service: ServiceRow, _: unknown, ctx: Context) =>
    ctx.loaders.localAuthoritiesByService.load(service.id),
  staff: async (service: ServiceRow, args: { activeOnly?: boolean | null }, ctx: Context) => {
    const all = await ctx.loaders.staffByService.load(service.id);
    return args.activeOnly === false ? all : all.filter((s) => s.active);
  },
};
