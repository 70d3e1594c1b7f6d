import type { Resolvers } from '../generated/resolvers.ts';
import { DueWorkItem } from './DueWorkItem.ts';
import { Handover } from './Handover.ts';
import { handoverMutations } from './Mutation.handover.ts';
import { lifecycleMutations } from './Mutation.lifecycle.ts';
import { submitMutations } from './Mutation.submit.ts';
import { webhookMutations } from './Mutation.webhooks.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { Referral } from './Referral.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation: { ...submitMutations, ...lifecycleMutations, ...handoverMutations, ...webhookMutations },
  Referral,
  Handover,
  DueWorkItem,
  Person,
};
