import type { QueryResolvers } from '../generated/resolvers.ts';
import { listEstablishments, listLocalAuthorities, listServices } from '../db/queries.ts';
import { referringOrganisationsFor } from '../service/referring-organisations.ts';

export const Query: QueryResolvers = {
  me: (_, __, ctx) => ctx.principal,
  reconnectServices: (_, args, ctx) => listServices(ctx.db, args.region),
  reconnectService: (_, args, ctx) => ctx.loaders.serviceByCode.load(args.code),
  establishments: (_, args, ctx) => listEstablishments(ctx.db, args),
  establishment: (_, args, ctx) => ctx.loaders.establishmentByCode.load(args.code.trim().toUpperCase()),
  localAuthorities: (_, args, ctx) => listLocalAuthorities(ctx.db, args.region),
  referringOrganisations: (_, args, ctx) => referringOrganisationsFor(ctx, args),
  referringOrganisation: (_, args, ctx) => ctx.loaders.referringOrganisationByCode.load(args.code.trim()),
};
