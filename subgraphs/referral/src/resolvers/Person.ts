import type { Context } from '../context.ts';

/** Person.referrals: the person's referrals that this caller may see, newest first. */
export const Person = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  referrals: async (p: { id: string }, _: unknown, ctx: Context) => {
    const all = await ctx.loaders.referralsByPerson.load(p.id);
    const visible = await Promise.all(all.map((r) => ctx.access.hasReferralRelationship(r.id)));
    return all.filter((_r, i) => visible[i]);
  },
};
