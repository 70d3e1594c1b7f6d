import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { scalarResolvers } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { Mutation } from './Mutation.ts';
import { IdentityConflict, Person, PersonPayload } from './Person.ts';
import { Query } from './Query.ts';

// The map type reads `__resolveReference(reference, context, info)` as a field resolver
// `(parent, args, context, info)`; the shapes are checked where each resolver is written.
export const resolvers = {
  ...scalarResolvers,
  Query,
  Mutation,
  Person,
  PersonPayload,
  IdentityConflict,
} as unknown as GraphQLResolverMap<Context>;
