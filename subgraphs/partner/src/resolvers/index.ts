import { DateScalar } from '@reconnect/graph';
import { DataSharingAgreement } from './DataSharingAgreement.ts';
import { PartnerOrganisation } from './PartnerOrganisation.ts';
import { Query } from './Query.ts';

export const resolvers = { Date: DateScalar, Query, PartnerOrganisation, DataSharingAgreement };
