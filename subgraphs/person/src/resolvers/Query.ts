import type { QueryResolvers } from '../generated/resolvers.ts';
import { conflictQueue } from '../service/conflicts.ts';
import { readPerson } from '../service/people.ts';
import { nhsNumberHolders } from '../service/nhs-number-holders.ts';
import { searchPeople } from '../service/search.ts';
import { prisonNumberHolders } from '../service/prison-numbers.ts';
import { subjectAccessReport } from '../service/subject-access.ts';

export const Query: QueryResolvers = {
  person: (_, args, ctx, info) => readPerson(ctx, args.id, info),
  identityConflicts: (_, args, ctx) => conflictQueue(ctx, args),
  prisonNumberHolders: (_, args, ctx) => prisonNumberHolders(ctx, args),
  nhsNumberHolders: (_, args, ctx) => nhsNumberHolders(ctx, args),
  searchPeople: (_, args, ctx) => searchPeople(ctx, args),
  subjectAccessReport: (_, args, ctx) => subjectAccessReport(ctx, args),
};
