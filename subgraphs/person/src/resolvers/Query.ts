import type { QueryResolvers } from '../generated/resolvers.ts';
import { readPerson } from '../service/people.ts';
import { prisonNumberHolders } from '../service/prison-numbers.ts';
import { subjectAccessReport } from '../service/subject-access.ts';

export const Query: QueryResolvers = {
  person: (_, args, ctx, info) => readPerson(ctx, args.id, info),
  prisonNumberHolders: (_, args, ctx) => prisonNumberHolders(ctx, args),
  subjectAccessReport: (_, args, ctx) => subjectAccessReport(ctx, args),
};
