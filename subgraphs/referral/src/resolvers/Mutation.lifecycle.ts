/**
 * The referral's transitions, contacts and engagements: thin calls into
 * service/lifecycle-operations.ts, which answer with the ReferralPayload.
 */
import type { MutationResolvers } from '../generated/resolvers.ts';
import * as lifecycle from '../service/lifecycle-operations.ts';
import { addCaseNote, bookAppointment, recordAppointmentOutcome } from '../service/casework.ts';
import { applyCustodyEvent } from '../service/apply-custody-event.ts';
import { applyPersonMerge } from '../service/person-merge.ts';

export const lifecycleMutations: MutationResolvers = {
  withdrawReferral: (_, args, ctx) => lifecycle.withdrawReferral(ctx, args),
  recordConsent: (_, args, ctx) => lifecycle.recordConsent(ctx, args),
  acceptReferral: (_, args, ctx) => lifecycle.acceptReferral(ctx, args),
  declineReferral: (_, args, ctx) => lifecycle.declineReferral(ctx, args),
  assignWorker: (_, args, ctx) => lifecycle.assignWorker(ctx, args),
  assignPeerSupport: (_, args, ctx) => lifecycle.assignPeerSupport(ctx, args),
  recordContact: (_, args, ctx) => lifecycle.recordContact(ctx, args),
  updateExpectedReleaseDate: (_, args, ctx) => lifecycle.updateExpectedReleaseDate(ctx, args),
  recordRelease: (_, args, ctx) => lifecycle.recordRelease(ctx, args),
  recordReturnToCustody: (_, args, ctx) => lifecycle.recordReturnToCustody(ctx, args),
  recordTransfer: (_, args, ctx) => lifecycle.recordTransfer(ctx, args),
  applyCustodyEvent: (_, args, ctx) => applyCustodyEvent(ctx, args),
  applyPersonMergeToReferrals: (_, args, ctx) => applyPersonMerge(ctx, args),
  recordTemporaryLicence: (_, args, ctx) => lifecycle.recordTemporaryLicence(ctx, args),
  recordEngagement: (_, args, ctx) => lifecycle.recordEngagement(ctx, args),
  extendSupport: (_, args, ctx) => lifecycle.extendSupport(ctx, args),
  dischargeReferral: (_, args, ctx) => lifecycle.dischargeReferral(ctx, args),
  addCaseNote: (_, args, ctx) => addCaseNote(ctx, args),
  bookAppointment: (_, args, ctx) => bookAppointment(ctx, args),
  recordAppointmentOutcome: (_, args, ctx) => recordAppointmentOutcome(ctx, args),
};
