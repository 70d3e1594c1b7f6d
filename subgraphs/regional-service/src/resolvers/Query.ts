import type { Context } from '../context.ts';
import { listEstablishments, listLocalAuthorities, listServices } from '../db/queries.ts';

type RegionArg = { region?: string | null };

export const Query = {
  me: (_: unknown, __: unknown, ctx: Context) => ctx.principal,
  reconnectServices: (_: unknown, args: RegionArg, ctx: Context) => listServices(ctx.db, args.region),
  reconnectService: (_: unknown, args: { code: string }, ctx: Context) =>
    ctx.loaders.serviceByCode.load(args.code),
  establishments: (_: unknown, args: RegionArg & { type?: string | null }, ctx: Context) =>
    listEstablishments(ctx.db, args),
  establishment: (_: unknown, args: { code: string }, ctx: Context) =>
    ctx.loaders.establishmentByCode.load(args.code.trim().toUpperCase()),
  localAuthorities: (_: unknown, args: RegionArg, ctx: Context) => listLocalAuthorities(ctx.db, args.region),
};
