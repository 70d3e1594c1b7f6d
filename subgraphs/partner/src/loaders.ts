/** Per-request loaders for partner organisations and their agreements. */
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@reconnect/db';
import {
  dataSharingAgreements,
  partnerOrganisations,
  type AgreementRow,
  type PartnerRow,
} from './db/schema.ts';

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
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
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
