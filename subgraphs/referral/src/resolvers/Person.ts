import type { PersonResolvers } from '../generated/resolvers.ts';
import { visibleReferrals } from '../service/visibility.ts';

/** Person.referrals: the person's referrals that this caller may see, newest first. */
export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  referrals: async (p, _, ctx) => visibleReferrals(ctx, await ctx.loaders.referralsByPerson.load(p.id)),
};
