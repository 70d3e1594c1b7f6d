import type { Resolvers } from '../generated/resolvers.ts';
import { Establishment } from './Establishment.ts';
import { LocalAuthority } from './LocalAuthority.ts';
import { Mutation } from './Mutation.ts';
import { Principal } from './Principal.ts';
import { Query } from './Query.ts';
import { ReconnectService } from './ReconnectService.ts';
import { ReferringOrganisation } from './ReferringOrganisation.ts';
import { Staff } from './Staff.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Principal,
  ReconnectService,
  Establishment,
  LocalAuthority,
  Staff,
  ReferringOrganisation,
};
