import type { Context } from '../context.ts';
import type { LocalAuthorityRow } from '../db/schema.ts';

export const LocalAuthority = {
  __resolveReference: (ref: { code: string }, ctx: Context) =>
    ctx.loaders.localAuthorityByCode.load(ref.code),
  receivingService: (la: LocalAuthorityRow, _: unknown, ctx: Context) =>
    la.receivingServiceId ? ctx.loaders.serviceById.load(la.receivingServiceId) : null,
};
