/** The handover mutations: thin calls into service/handover.ts; the payload is read through Handover's rules. */
import type { HandoverRow } from '../db/schema.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import * as handover from '../service/handover.ts';

const handoverPayload = (row: HandoverRow) => ({ handover: row });

export const handoverMutations: MutationResolvers = {
  requestHandover: async (_, args, ctx) => handoverPayload(await handover.requestHandover(ctx, args)),
  acceptHandover: async (_, args, ctx) => handoverPayload(await handover.acceptHandover(ctx, args)),
  declineHandover: async (_, args, ctx) => handoverPayload(await handover.declineHandover(ctx, args)),
  cancelHandover: async (_, args, ctx) => handoverPayload(await handover.cancelHandover(ctx, args)),
  completeHandover: async (_, args, ctx) => handoverPayload(await handover.completeHandover(ctx, args)),
};
