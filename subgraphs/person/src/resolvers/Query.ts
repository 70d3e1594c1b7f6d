import type { QueryResolvers } from '../generated/resolvers.ts';
import { readPerson } from '../service/people.ts';

export const Query: QueryResolvers = {
  person: (_, args, ctx, info) => readPerson(ctx, args.id, info),
};
