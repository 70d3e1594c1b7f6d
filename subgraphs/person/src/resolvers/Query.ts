import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { readPerson } from '../service/people.ts';

export const Query = {
  person: (_: unknown, args: { id: string }, ctx: Context, info: GraphQLResolveInfo) =>
    readPerson(ctx, args.id, info),
};
