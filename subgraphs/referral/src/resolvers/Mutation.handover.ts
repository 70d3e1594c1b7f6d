/** The handover mutations: thin calls into service/handover.ts; the payload is read through Handover's rules. */
import type { Context } from '../context.ts';
import * as handover from '../service/handover.ts';

type Args<F extends (ctx: Context, args: never) => unknown> = Parameters<F>[1];

export const handoverMutations = {
  requestHandover: async (_: unknown, args: Args<typeof handover.requestHandover>, ctx: Context) => ({
    handover: await handover.requestHandover(ctx, args),
  }),
  acceptHandover: async (_: unknown, args: Args<typeof handover.acceptHandover>, ctx: Context) => ({
    handover: await handover.acceptHandover(ctx, args),
  }),
  declineHandover: async (_: unknown, args: Args<typeof handover.declineHandover>, ctx: Context) => ({
    handover: await handover.declineHandover(ctx, args),
  }),
  cancelHandover: async (_: unknown, args: Args<typeof handover.cancelHandover>, ctx: Context) => ({
    handover: await handover.cancelHandover(ctx, args),
  }),
  completeHandover: async (_: unknown, args: Args<typeof handover.completeHandover>, ctx: Context) => ({
    handover: await handover.completeHandover(ctx, args),
  }),
};
