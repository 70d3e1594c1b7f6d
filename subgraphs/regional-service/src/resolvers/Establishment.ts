import type { Context } from '../context.ts';
import type { EstablishmentRow } from '../db/schema.ts';

export const Establishment = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.establishmentByCode.load(ref.code),
  localService: (e: EstablishmentRow, _: unknown, ctx: Context) =>
    e.localServiceId ? ctx.loaders.serviceById.load(e.localServiceId) : null,
};
