import type { Context } from '../context.ts';
import type { EnhancedCaseRow } from '../db/schema.ts';
import { recordDataSharingAgreement, type AgreementInput } from '../service/agreements.ts';
import {
  addCasePartner,
  closeEnhancedCase,
  recordPartnerUpdate,
  removeCasePartner,
  withdrawSharingConsent,
} from '../service/case-changes.ts';
import { enrolEnhancedReconnect, type EnrolInput } from '../service/enrol.ts';

const payload = async (row: Promise<EnhancedCaseRow>) => ({ enhancedCase: await row });

export const Mutation = {
  enrolEnhancedReconnect: (_: unknown, a: { referralId: string; input: EnrolInput }, ctx: Context) =>
    payload(enrolEnhancedReconnect(ctx, a.referralId, a.input)),
  addCasePartner: (_: unknown, a: { caseId: string; partnerCode: string }, ctx: Context) =>
    payload(addCasePartner(ctx, a.caseId, a.partnerCode)),
  removeCasePartner: (_: unknown, a: { caseId: string; partnerCode: string; reason: string }, ctx: Context) =>
    payload(removeCasePartner(ctx, a.caseId, a.partnerCode, a.reason)),
  recordPartnerUpdate: (_: unknown, a: { caseId: string; note: string }, ctx: Context) =>
    payload(recordPartnerUpdate(ctx, a.caseId, a.note)),
  withdrawSharingConsent: (_: unknown, a: { caseId: string }, ctx: Context) =>
    payload(withdrawSharingConsent(ctx, a.caseId)),
  closeEnhancedCase: (_: unknown, a: { caseId: string; reason: string }, ctx: Context) =>
    payload(closeEnhancedCase(ctx, a.caseId, a.reason)),
  recordDataSharingAgreement: (_: unknown, a: { partnerCode: string; input: AgreementInput }, ctx: Context) =>
    recordDataSharingAgreement(ctx, a.partnerCode, a.input),
};
