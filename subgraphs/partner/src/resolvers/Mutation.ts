/** The Enhanced RECONNECT mutations: thin calls into service/; the payload's case is read through its rules. */
import type { EnhancedCaseRow } from '../db/schema.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { recordDataSharingAgreement } from '../service/agreements.ts';
import {
  addCasePartner,
  closeEnhancedCase,
  recordPartnerUpdate,
  removeCasePartner,
  withdrawSharingConsent,
} from '../service/case-changes.ts';
import { enrolEnhancedReconnect } from '../service/enrol.ts';
import { applyPersonMerge } from '../service/person-merge.ts';

const casePayload = (row: EnhancedCaseRow) => ({ enhancedCase: row });

export const Mutation: MutationResolvers = {
  applyPersonMergeToCases: (_, args, ctx) => applyPersonMerge(ctx, args),
  enrolEnhancedReconnect: async (_, args, ctx) => casePayload(await enrolEnhancedReconnect(ctx, args)),
  addCasePartner: async (_, args, ctx) => casePayload(await addCasePartner(ctx, args)),
  removeCasePartner: async (_, args, ctx) => casePayload(await removeCasePartner(ctx, args)),
  recordPartnerUpdate: async (_, args, ctx) => casePayload(await recordPartnerUpdate(ctx, args)),
  withdrawSharingConsent: async (_, args, ctx) => casePayload(await withdrawSharingConsent(ctx, args)),
  closeEnhancedCase: async (_, args, ctx) => casePayload(await closeEnhancedCase(ctx, args)),
  recordDataSharingAgreement: (_, args, ctx) => recordDataSharingAgreement(ctx, args),
};
