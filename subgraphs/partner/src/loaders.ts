/** Per-request loaders for partner organisations, agreements, enhanced cases and what hangs off them. */
import DataLoader from 'dataloader';
import { asc, desc, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Db } from '@reconnect/db';
import { byKey, groupBy } from '@reconnect/graph';
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

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
    partnerById: new DataLoader<string, PartnerRow | null>(async (ids) => {
      const rows = await db
        .select()
        .from(partnerOrganisations)
        .where(inArray(partnerOrganisations.id, [...ids]));
      return byKey(ids, rows, (r) => r.id);
    }),
    partnerByCode: new DataLoader<string, PartnerRow | null>(async (codes) => {
      const rows = await db
        .select()
        .from(partnerOrganisations)
        .where(inArray(partnerOrganisations.code, [...codes]));
      return byKey(codes, rows, (r) => r.code);
    }),
    agreementsByPartner: new DataLoader<string, AgreementRow[]>(async (partnerIds) => {
      const rows = await db
        .select()
        .from(dataSharingAgreements)
        .where(inArray(dataSharingAgreements.partnerId, [...partnerIds]))
        .orderBy(asc(dataSharingAgreements.startsOn));
      return groupBy(partnerIds, rows, (r) => r.partnerId);
    }),
    caseById: new DataLoader<string, EnhancedCaseRow | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length
        ? await db.select().from(enhancedCases).where(inArray(enhancedCases.id, valid))
        : [];
      return byKey(ids, rows, (r) => r.id);
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
