import type { DataSharingAgreementResolvers } from '../generated/resolvers.ts';
import { isAgreementActive } from '../service/agreements.ts';

export const DataSharingAgreement: DataSharingAgreementResolvers = {
  active: (a, _, ctx) => isAgreementActive(a, ctx.clock.today()),
};
