import { DateScalar, DateTimeScalar } from '@reconnect/graph';
import { Handover } from './Handover.ts';
import { handoverMutations } from './Mutation.handover.ts';
import { lifecycleMutations } from './Mutation.lifecycle.ts';
import { submitMutations } from './Mutation.submit.ts';
import { webhookMutations } from './Mutation.webhooks.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';
import { Referral } from './Referral.ts';

export const resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query,
  Mutation: { ...submitMutations, ...lifecycleMutations, ...handoverMutations, ...webhookMutations },
  Referral,
  Handover,
  Person,
};
