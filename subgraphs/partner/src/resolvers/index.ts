import type { Resolvers } from '../generated/resolvers.ts';
import { DataSharingAgreement } from './DataSharingAgreement.ts';
import { CasePartner, EnhancedCase, PartnerUpdate, Referral } from './EnhancedCase.ts';
import { Mutation } from './Mutation.ts';
import { PartnerOrganisation } from './PartnerOrganisation.ts';
import { Query } from './Query.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  PartnerOrganisation,
  DataSharingAgreement,
  EnhancedCase,
  CasePartner,
  PartnerUpdate,
  Referral,
};
