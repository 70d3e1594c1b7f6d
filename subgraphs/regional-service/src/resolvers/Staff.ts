import type { StaffResolvers } from '../generated/resolvers.ts';

export const Staff: StaffResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.staffById.load(ref.id),
  // staff.service_id is a foreign key: the service is there.
  service: async (s, _, ctx) => (await ctx.loaders.serviceById.load(s.serviceId))!,
};
