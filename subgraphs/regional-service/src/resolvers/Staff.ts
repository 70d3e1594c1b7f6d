import type { Context } from '../context.ts';
import type { StaffRow } from '../db/schema.ts';

export const Staff = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.staffById.load(ref.id),
  service: (s: StaffRow, _: unknown, ctx: Context) => ctx.loaders.serviceById.load(s.serviceId),
};
