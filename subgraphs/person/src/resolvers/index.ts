import type { Resolvers } from '../generated/resolvers.ts';
import { Mutation } from './Mutation.ts';
import {
  IdentityConflict,
  IdentityConflictPayload,
  IdentityConflictResolution,
  Person,
  PersonPayload,
} from './Person.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Person,
  PersonPayload,
  IdentityConflict,
  IdentityConflictResolution,
  IdentityConflictPayload,
};
