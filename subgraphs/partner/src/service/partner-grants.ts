/**
 * The ER_PARTNER grants a partner on a case holds: one per data sharing agreement in force now or
 * later, each with that agreement's scopes, from its first day (or now) to the end of its last day
 * in London. Access so ends by itself when the last agreement expires (no caching, no job), and a
 * renewal recorded in advance carries on without a gap.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { NewGrant } from '@reconnect/access';
import type { Queryable } from '@reconnect/db';
import {
  casePartners,
  enhancedCases,
  type AgreementRow,
  type EnhancedCaseRow,
  type PartnerRow,
} from '../db/schema.ts';
import { endOfLondonDay, startOfLondonDay } from '@reconnect/config';

export function partnerGrants(
  kase: Pick<EnhancedCaseRow, 'id' | 'referralId' | 'personId'>,
  partner: Pick<PartnerRow, 'code'>,
  agreements: AgreementRow[],
  now: Date,
  today: string,
  reason: string,
): NewGrant[] {
  return agreements
    .filter((a) => a.endsOn >= today)
    .map((a) => {
      const starts = startOfLondonDay(a.startsOn);
      return {
        organisationCode: partner.code,
        relationship: 'ER_PARTNER' as const,
        personId: kase.personId,
        referralId: kase.referralId,
        enhancedCaseId: kase.id,
        scopes: a.scopes,
        validFrom: starts > now ? starts : now,
        validUntil: endOfLondonDay(a.endsOn),
        reason,
      };
    });
}

/** OPEN cases with consent GIVEN on which the partner is active, in a region it covers. */
export async function casesSharedWith(tx: Queryable, partner: PartnerRow): Promise<EnhancedCaseRow[]> {
  const rows = await tx
    .select({ kase: enhancedCases })
    .from(enhancedCases)
    .innerJoin(casePartners, eq(casePartners.caseId, enhancedCases.id))
    .where(
      and(
        eq(casePartners.partnerId, partner.id),
        isNull(casePartners.removedAt),
        eq(enhancedCases.status, 'OPEN'),
        eq(enhancedCases.sharingConsentDecision, 'GIVEN'),
      ),
    );
  return rows.map((r) => r.kase).filter((c) => partner.regions.includes(c.region));
}
