/**
 * Changes to an open enhanced case: partners added and removed, updates recorded, sharing consent
 * withdrawn, the case closed. Each loads the case, checks the caller may change it, checks its
 * input, and then in one transaction applies a version-guarded update, the rows and grant changes
 * it causes, and the audit event. Access a change ends is ended in that same transaction, so no
 * later request can see what it should not.
 *
 * Decision: withdrawing sharing consent keeps the case OPEN (staff may still record updates and
 * close it with their reason) but ends every partner's grant at once and refuses new partners;
 * a case whose consent is not GIVEN is shown to no partner.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { endGrants, isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import type { Queryable } from '@reconnect/db';
import { badInput, conflict, forbidden, invalidTransition, notFound } from '@reconnect/graph';
import type {
  MutationAddCasePartnerArgs,
  MutationCloseEnhancedCaseArgs,
  MutationRecordPartnerUpdateArgs,
  MutationRemoveCasePartnerArgs,
  MutationWithdrawSharingConsentArgs,
} from '../generated/graphql.ts';
import type { Context } from '../context.ts';
import { casePartners, enhancedCases, partnerUpdates, type EnhancedCaseRow } from '../db/schema.ts';
import { partnerReadsCase, staffChangesCase, staffReadsCase } from './cases.ts';
import { addPartnerRows, partnerForRegion } from './enrol.ts';
import { actorLabel } from '@reconnect/auth';

export const MAX_NOTE_LENGTH = 4000;

interface CaseChange {
  /** The audit action, e.g. `enhancedCase.partnerAdded`. */
  action: string;
  fields: string[];
  set?: Partial<typeof enhancedCases.$inferInsert>;
  alsoWrite?: (tx: Queryable, now: Date) => Promise<void>;
}

/** The case, if the caller may see it at all (NOT_FOUND otherwise: nothing is revealed). */
async function loadCase(ctx: Context, caseId: string): Promise<EnhancedCaseRow> {
  const row = isUuid(caseId) ? await ctx.loaders.caseById.load(caseId) : null;
  if (!row) throw notFound('Enhanced case');
  const [staff, partner] = await Promise.all([staffReadsCase(ctx, row), partnerReadsCase(ctx, row)]);
  if (!staff && !partner) throw notFound('Enhanced case');
  return row;
}

async function loadCaseForStaff(ctx: Context, caseId: string): Promise<EnhancedCaseRow> {
  const row = await loadCase(ctx, caseId);
  if (!(await staffChangesCase(ctx, row.referralId))) {
    throw forbidden("Only staff of the referral's owning service may change the enhanced case.");
  }
  if (row.status !== 'OPEN') throw invalidTransition('The enhanced case is closed.');
  return row;
}

async function applyChange(ctx: Context, current: EnhancedCaseRow, change: CaseChange) {
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(enhancedCases)
      .set({ ...change.set, version: sql`${enhancedCases.version} + 1` })
      .where(and(eq(enhancedCases.id, current.id), eq(enhancedCases.version, current.version)))
      .returning();
    // Another change committed first; the caller reads the case again and retries.
    if (!row) throw conflict();
    await change.alsoWrite?.(tx, now);
    await recordAuditEvents(tx, auditActor(ctx, now), [
      {
        action: change.action,
        subjectType: 'EnhancedCase',
        subjectId: current.id,
        personId: current.personId,
        fields: change.fields,
      },
    ]);
    return row;
  });
  ctx.loaders.caseById.clear(current.id).prime(current.id, updated);
  ctx.loaders.partnersByCase.clear(current.id);
  ctx.loaders.updatesByCase.clear(current.id);
  ctx.access.clear();
  return updated;
}

export async function addCasePartner(ctx: Context, args: MutationAddCasePartnerArgs) {
  const { caseId, partnerCode } = args;
  const current = await loadCaseForStaff(ctx, caseId);
  if (current.sharingConsentDecision !== 'GIVEN') {
    throw invalidTransition('Sharing consent is not GIVEN: no partner can be added.');
  }
  const found = await partnerForRegion(ctx, partnerCode.trim(), current.region, 'partnerCode');
  const members = await ctx.loaders.partnersByCase.load(current.id);
  if (members.some((m) => m.partnerId === found.partner.id && m.removedAt === null)) {
    throw badInput('partnerCode', `${found.partner.code} is already a partner on this case.`);
  }
  return applyChange(ctx, current, {
    action: 'enhancedCase.partnerAdded',
    fields: ['partners'],
    alsoWrite: (tx, now) => addPartnerRows(tx, ctx, current, found, now),
  });
}

/** Ends the partner's membership and, at once, its grants on the case. */
export async function removeCasePartner(ctx: Context, args: MutationRemoveCasePartnerArgs) {
  const { caseId, partnerCode, reason } = args;
  const current = await loadCaseForStaff(ctx, caseId);
  const why = reason.trim();
  if (!why) throw badInput('reason', 'Give the reason for removing the partner.');
  if (why.length > MAX_NOTE_LENGTH)
    throw badInput('reason', `A reason may be at most ${MAX_NOTE_LENGTH} characters.`);
  const partner = await ctx.loaders.partnerByCode.load(partnerCode.trim());
  const members = await ctx.loaders.partnersByCase.load(current.id);
  if (!partner || !members.some((m) => m.partnerId === partner.id && m.removedAt === null)) {
    throw badInput('partnerCode', 'That partner is not an active partner on this case.');
  }
  return applyChange(ctx, current, {
    action: 'enhancedCase.partnerRemoved',
    fields: ['partners'],
    alsoWrite: async (tx, now) => {
      await tx
        .update(casePartners)
        .set({ removedAt: now, removeReason: why })
        .where(
          and(
            eq(casePartners.caseId, current.id),
            eq(casePartners.partnerId, partner.id),
            isNull(casePartners.removedAt),
          ),
        );
      await endGrants(
        tx,
        { enhancedCaseId: current.id, organisationCode: partner.code, relationship: 'ER_PARTNER' },
        now,
      );
    },
  });
}

/** RECONNECT staff of the owning service, or an active partner on the open case, add a note. */
export async function recordPartnerUpdate(ctx: Context, args: MutationRecordPartnerUpdateArgs) {
  const { caseId, note } = args;
  const current = await loadCase(ctx, caseId);
  const [staff, partnerSees] = await Promise.all([
    staffChangesCase(ctx, current.referralId),
    partnerReadsCase(ctx, current),
  ]);
  if (!staff && !partnerSees) {
    throw forbidden("Only the owning service's staff or a partner on the case may record an update.");
  }
  if (current.status !== 'OPEN') throw invalidTransition('The enhanced case is closed.');
  const text = note.trim();
  if (!text) throw badInput('note', 'The update needs a note.');
  if (text.length > MAX_NOTE_LENGTH) {
    throw badInput('note', `A note may be at most ${MAX_NOTE_LENGTH} characters.`);
  }
  // A partner writes as its organisation; staff write with no partner.
  const partner =
    !staff && ctx.principal.organisationCode
      ? await ctx.loaders.partnerByCode.load(ctx.principal.organisationCode)
      : null;
  return applyChange(ctx, current, {
    action: 'enhancedCase.updateRecorded',
    fields: ['updates'],
    alsoWrite: async (tx, now) => {
      await tx.insert(partnerUpdates).values({
        caseId: current.id,
        at: now,
        author: actorLabel(ctx.principal),
        partnerId: partner?.id ?? null,
        note: text,
      });
    },
  });
}

export async function withdrawSharingConsent(ctx: Context, args: MutationWithdrawSharingConsentArgs) {
  const { caseId } = args;
  const current = await loadCaseForStaff(ctx, caseId);
  if (current.sharingConsentDecision !== 'GIVEN') {
    throw invalidTransition('Sharing consent has already been withdrawn.');
  }
  const now = ctx.clock.now();
  return applyChange(ctx, current, {
    action: 'enhancedCase.consentWithdrawn',
    fields: ['sharingConsent'],
    set: {
      sharingConsentDecision: 'WITHDRAWN',
      consentRecordedAt: now,
      consentRecordedBy: actorLabel(ctx.principal),
    },
    alsoWrite: async (tx, at) => {
      await endGrants(tx, { enhancedCaseId: current.id, relationship: 'ER_PARTNER' }, at);
    },
  });
}

/** Closes the case: every partner's membership and grant ends with it. */
export async function closeEnhancedCase(ctx: Context, args: MutationCloseEnhancedCaseArgs) {
  const { caseId, reason } = args;
  const current = await loadCaseForStaff(ctx, caseId);
  const why = reason.trim();
  if (!why) throw badInput('reason', 'Give the reason for closing the case.');
  if (why.length > MAX_NOTE_LENGTH)
    throw badInput('reason', `A reason may be at most ${MAX_NOTE_LENGTH} characters.`);
  const now = ctx.clock.now();
  return applyChange(ctx, current, {
    action: 'enhancedCase.closed',
    fields: ['status', 'closedAt', 'closeReason'],
    set: { status: 'CLOSED', closedAt: now, closeReason: why },
    alsoWrite: async (tx, at) => {
      await tx
        .update(casePartners)
        .set({ removedAt: at, removeReason: 'Case closed.' })
        .where(and(eq(casePartners.caseId, current.id), isNull(casePartners.removedAt)));
      await endGrants(tx, { enhancedCaseId: current.id, relationship: 'ER_PARTNER' }, at);
    },
  });
}
