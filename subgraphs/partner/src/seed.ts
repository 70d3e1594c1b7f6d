/**
 * Seeds the demo partner organisations and their agreements from the reference data, and (demo
 * data) one open enhanced case. Idempotent.
 */
import { inArray, sql } from 'drizzle-orm';
import { grants } from '@reconnect/access';
import type { Clock } from '@reconnect/config';
import { stableUuid, type Queryable } from '@reconnect/db';
import * as reference from '@reconnect/reference-data';
import {
  casePartners,
  dataSharingAgreements,
  enhancedCases,
  partnerOrganisations,
  partnerUpdates,
} from './db/schema.ts';
import { partnerGrants } from './service/partner-grants.ts';

export const partnerId = (code: string) => stableUuid(`partner:${code}`);

export async function seedPartners(db: Queryable): Promise<{ partners: number; agreements: number }> {
  const rows = reference.partners();
  const agreements = rows.flatMap((p) =>
    p.agreement
      ? [
          {
            id: stableUuid(`agreement:${p.agreement.reference}`),
            partnerId: partnerId(p.code),
            ...p.agreement,
            recordedBy: 'seed',
          },
        ]
      : [],
  );
  await db.transaction(async (tx) => {
    await tx
      .insert(partnerOrganisations)
      .values(
        rows.map((p) => ({
          id: partnerId(p.code),
          code: p.code,
          name: p.name,
          regions: p.regions,
          source: p.source,
        })),
      )
      .onConflictDoUpdate({
        target: partnerOrganisations.id,
        set: { name: sql`excluded.name`, regions: sql`excluded.regions`, source: sql`excluded.source` },
      });
    if (agreements.length) await tx.insert(dataSharingAgreements).values(agreements).onConflictDoNothing();
  });
  return { partners: rows.length, agreements: agreements.length };
}

/** The demo referral enrolled in Enhanced RECONNECT, as the composition root names it. */
export interface DemoEnhancedReferral {
  referralId: string;
  personId: string;
  region: string;
}

/** The partner of the demo enhanced case (its agreement shares risk and needs). */
const DEMO_CASE_PARTNERS = ['ERP-NEY-AP'];

/**
 * Demo data: one open Enhanced RECONNECT case with sharing consent given, its North East and
 * Yorkshire partner (with the ER_PARTNER grants its agreement gives, as enrolment writes them) and
 * a partner's update, so that the demo partner has a case to read. Idempotent: stable ids, ON
 * CONFLICT DO NOTHING, dates relative to `clock` on the first run.
 */
export async function seedDemoEnhancedCase(
  db: Queryable,
  clock: Clock,
  referral: DemoEnhancedReferral,
): Promise<number> {
  const now = clock.now();
  const today = clock.today();
  const openedAt = new Date(now.getTime() - 5 * 86_400_000);
  const kase = {
    id: stableUuid(`enhanced-case:demo:${referral.referralId}`),
    referralId: referral.referralId,
    personId: referral.personId,
    region: referral.region,
    status: 'OPEN' as const,
    openedAt,
    openedBy: 'seed',
    rationale:
      'Very high risk of serious harm to the public and staff when unwell; psychosis, brain injury and no settled accommodation.',
    sharingConsentDecision: 'GIVEN' as const,
    consentMethod: 'FACE_TO_FACE' as const,
    consentRecordedAt: openedAt,
    consentRecordedBy: 'seed',
  };
  const partners = await db
    .select()
    .from(partnerOrganisations)
    .where(inArray(partnerOrganisations.code, DEMO_CASE_PARTNERS));
  const agreements = await db
    .select()
    .from(dataSharingAgreements)
    .where(
      inArray(
        dataSharingAgreements.partnerId,
        partners.map((p) => p.id),
      ),
    );
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(enhancedCases).values(kase).onConflictDoNothing().returning();
    // Already seeded (or the referral has another open case): leave it as it is.
    if (inserted.length === 0) return;
    for (const p of partners) {
      await tx
        .insert(casePartners)
        .values({ caseId: kase.id, partnerId: p.id, addedAt: openedAt, addedBy: 'seed' })
        .onConflictDoNothing();
      const rows = partnerGrants(
        kase,
        p,
        agreements.filter((a) => a.partnerId === p.id),
        now,
        today,
        'Enhanced RECONNECT partner (demo)',
      );
      if (rows.length) await tx.insert(grants).values(rows).onConflictDoNothing();
    }
    const first = partners.find((p) => p.code === DEMO_CASE_PARTNERS[0]);
    if (first) {
      await tx
        .insert(partnerUpdates)
        .values({
          id: stableUuid(`partner-update:demo:${kase.id}`),
          caseId: kase.id,
          at: new Date(now.getTime() - 2 * 86_400_000),
          author: 'Grace Lowe',
          partnerId: first.id,
          note: 'Moved into the approved premises; keyworker sessions twice a week.',
        })
        .onConflictDoNothing();
    }
  });
  return 1;
}
