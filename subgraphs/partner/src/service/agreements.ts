/** Data sharing agreements: whether one is in force on a day (pure), and recording one. */
import { eq } from 'drizzle-orm';
import { grantAccess } from '@reconnect/access';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { badInput, notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type { MutationRecordDataSharingAgreementArgs } from '../generated/graphql.ts';
import { dataSharingAgreements, type AgreementRow, type PartnerRow } from '../db/schema.ts';
import { isUniqueViolation } from '@reconnect/db';
import { casesSharedWith, partnerGrants } from './partner-grants.ts';

export const MAX_REFERENCE_LENGTH = 100;

/** In force from its first to its last day inclusive (Europe/London calendar dates). */
export function isAgreementActive(
  agreement: Pick<AgreementRow, 'startsOn' | 'endsOn'>,
  today: string,
): boolean {
  return agreement.startsOn <= today && today <= agreement.endsOn;
}

/** The agreement in force today; if several overlap, the one that started last. */
export function activeAgreementOf<A extends Pick<AgreementRow, 'startsOn' | 'endsOn'>>(
  agreements: A[],
  today: string,
): A | null {
  return (
    agreements
      .filter((a) => isAgreementActive(a, today))
      .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))[0] ?? null
  );
}

/**
 * Records a data sharing agreement for a partner (RECONNECT_ADMIN; the shield rule says so).
 * Input errors name their path; a reference already used is BAD_USER_INPUT at `input.reference`.
 * In the same transaction the partner's open cases get grants for the new agreement's dates and
 * scopes, so a renewal needs no re-adding (and a lapsed partner regains access when it starts).
 */
export async function recordDataSharingAgreement(
  ctx: Context,
  args: MutationRecordDataSharingAgreementArgs,
): Promise<PartnerRow> {
  const { partnerCode, input } = args;
  const partner = await ctx.loaders.partnerByCode.load(partnerCode.trim());
  if (!partner) throw notFound('Partner organisation');
  const reference = input.reference.trim();
  if (!reference) throw badInput('input.reference', 'Give the agreement reference.');
  if (reference.length > MAX_REFERENCE_LENGTH) {
    throw badInput('input.reference', `A reference may be at most ${MAX_REFERENCE_LENGTH} characters.`);
  }
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('input.scopes', 'An agreement shares at least one scope.');
  if (input.startsOn > input.endsOn) {
    throw badInput('input.endsOn', 'The agreement cannot end before it starts.');
  }
  const taken = await ctx.db
    .select({ id: dataSharingAgreements.id })
    .from(dataSharingAgreements)
    .where(eq(dataSharingAgreements.reference, reference));
  const duplicate = () =>
    badInput('input.reference', 'An agreement with this reference is already recorded.');
  if (taken.length) throw duplicate();
  const now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(dataSharingAgreements)
        .values({
          partnerId: partner.id,
          reference,
          scopes,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          recordedAt: now,
          recordedBy: ctx.principal.subject,
        })
        .returning();
      // Partners already on open cases carry on under the new agreement (a renewal).
      const shared = await casesSharedWith(tx, partner);
      for (const kase of shared) {
        for (const grant of partnerGrants(
          kase,
          partner,
          [row!],
          now,
          ctx.clock.today(),
          'partner.agreementRecorded',
        )) {
          await grantAccess(tx, grant);
        }
      }
      await recordAuditEvents(tx, auditActor(ctx, now), [
        {
          action: 'partner.agreementRecorded',
          subjectType: 'DataSharingAgreement',
          subjectId: row!.id,
          fields: ['reference', 'scopes', 'startsOn', 'endsOn'],
        },
        ...shared.map((kase) => ({
          action: 'enhancedCase.partnerAgreementRecorded',
          subjectType: 'EnhancedCase',
          subjectId: kase.id,
          personId: kase.personId,
          fields: ['partners'],
        })),
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  ctx.loaders.agreementsByPartner.clear(partner.id);
  return partner;
}
