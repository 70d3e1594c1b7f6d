/** Per-request loaders for partner organisations, agreements, enhanced cases and what hangs off them. */
import DataLoader from 'dataloader';
import { asc, desc, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { SubgraphContext } from '@reconnect/graph';
import {
  casePartners,
  dataSharingAgreements,
  enhancedCases,
  partnerOrganisations,
  partnerUpdates,
  type AgreementRow,
  type CasePartnerRow,
  type EnhancedCaseRow,
  type PartnerRow,
  type PartnerUpdateRow,
} from './db/schema.ts';
import { createEnrolEligibilityLoader } from './service/enrol-eligibility.ts';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row));
    if (list) list.push(row);
    else map.set(keyOf(row), [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export function createLoaders(ctx: Omit<SubgraphContext, 'loaders'>) {
  const { db } = ctx;
  return {
    /** Referral.canEnrolEnhanced, per referral id: see service/enrol-eligibility.ts. */
    canEnrolEnhanced: createEnrolEligibilityLoader(ctx),
    partnerById: new DataLoader<string, PartnerRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(partnerOrganisations)
        .where(inArray(partnerOrganisations.id, [...ids]));
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    partnerByCode: new DataLoader<string, PartnerRow | null>(async (codes) => {
      const rows = await db
        .select()
        .from(partnerOrganisations)
        .where(inArray(partnerOrganisations.code, [...codes]));
      return codes.map((code) => rows.find((r) => r.code === code) ?? null);
    }),
    agreementsByPartner: new DataLoader<string, AgreementRow[]>(async (partnerIds) => {
      const rows = await db
        .select()
        .from(dataSharingAgreements)
        .where(inArray(dataSharingAgreements.partnerId, [...partnerIds]))
        .orderBy(asc(dataSharingAgreements.startsOn));
      return partnerIds.map((id) => rows.filter((r) => r.partnerId === id));
    }),
    caseById: new DataLoader<string, EnhancedCaseRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? await db.select().from(enhancedCases).where(inArray(enhancedCases.id, valid))
        : [];
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** A referral's cases, the OPEN one first, then the most recently opened. */
    casesByReferral: new DataLoader<string, EnhancedCaseRow[]>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? await db
            .select()
            .from(enhancedCases)
            .where(inArray(enhancedCases.referralId, valid))
            .orderBy(desc(enhancedCases.openedAt))
        : [];
      const grouped = groupBy(ids, rows, (r) => r.referralId);
      return grouped.map((list) => [
        ...list.filter((c) => c.status === 'OPEN'),
        ...list.filter((c) => c.status !== 'OPEN'),
      ]);
    }),
    partnersByCase: new DataLoader<string, CasePartnerRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(casePartners)
          .where(inArray(casePartners.caseId, [...ids]))
          .orderBy(asc(casePartners.addedAt)),
        (r) => r.caseId,
      ),
    ),
    updatesByCase: new DataLoader<string, PartnerUpdateRow[]>(async (ids) =>
      groupBy(
        ids,
        await db
          .select()
          .from(partnerUpdates)
          .where(inArray(partnerUpdates.caseId, [...ids]))
          .orderBy(asc(partnerUpdates.at), asc(partnerUpdates.id)),
        (r) => r.caseId,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
