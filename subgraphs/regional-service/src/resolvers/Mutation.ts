/** Information governance keeping the directory of referring organisations: a thin call into service/. */
import type { MutationResolvers } from '../generated/resolvers.ts';
import { saveReferringOrganisation } from '../service/referring-organisations.ts';

export const Mutation: MutationResolvers = {
  saveReferringOrganisation: (_, args, ctx) => saveReferringOrganisation(ctx, args.input),
};
