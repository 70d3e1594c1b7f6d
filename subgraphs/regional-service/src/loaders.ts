/** Per-request loaders: one query per kind of lookup per tick, whatever the page size. */
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { Db } from '@reconnect/db';
import { byKey, groupBy } from '@reconnect/graph';
import {
  establishments,
  localAuthorities,
  referringOrganisations,
  services,
  staff,
  type EstablishmentRow,
  type ReferringOrganisationRow,
  type LocalAuthorityRow,
  type ServiceRow,
  type StaffRow,
} from './db/schema.ts';
import { canonicalLocalAuthorityCodes, staffOfServices } from './db/queries.ts';

export function createLoaders(ctx: { db: Db }) {
  const { db } = ctx;
  return {
    serviceById: new DataLoader<string, ServiceRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(services)
          .where(inArray(services.id, [...ids])),
        (r) => r.id,
      ),
    ),
    serviceByCode: new DataLoader<string, ServiceRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(services)
          .where(inArray(services.code, [...codes])),
        (r) => r.code,
      ),
    ),
    establishmentByCode: new DataLoader<string, EstablishmentRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(establishments)
          .where(inArray(establishments.code, [...codes])),
        (r) => r.code,
      ),
    ),
    localAuthorityByCode: new DataLoader<string, LocalAuthorityRow | null>(async (codes) => {
      const canonical = await canonicalLocalAuthorityCodes(db, codes);
      const rows = await db
        .select()
        .from(localAuthorities)
        .where(inArray(localAuthorities.code, [...new Set(canonical.values())]));
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => map.get(canonical.get(c) ?? c) ?? null);
    }),
    referringOrganisationByCode: new DataLoader<string, ReferringOrganisationRow | null>(async (codes) =>
      byKey(
        codes,
        await db
          .select()
          .from(referringOrganisations)
          .where(inArray(referringOrganisations.code, [...codes])),
        (r) => r.code,
      ),
    ),
    staffById: new DataLoader<string, StaffRow | null>(async (ids) =>
      byKey(
        ids,
        await db
          .select()
          .from(staff)
          .where(inArray(staff.id, [...ids])),
        (r) => r.id,
      ),
    ),
    staffByService: new DataLoader<string, StaffRow[]>(async (serviceIds) => {
      return groupBy(serviceIds, await staffOfServices(db, serviceIds), (r) => r.serviceId);
    }),
    establishmentsByService: new DataLoader<string, EstablishmentRow[]>(async (serviceIds) => {
      const rows = await db
        .select()
        .from(establishments)
        .where(inArray(establishments.localServiceId, [...serviceIds]));
      return serviceIds.map((id) =>
        rows.filter((r) => r.localServiceId === id).sort((a, b) => a.name.localeCompare(b.name)),
      );
    }),
    localAuthoritiesByService: new DataLoader<string, LocalAuthorityRow[]>(async (serviceIds) => {
      const rows = await db
        .select()
        .from(localAuthorities)
        .where(inArray(localAuthorities.receivingServiceId, [...serviceIds]));
      return serviceIds.map((id) =>
        rows.filter((r) => r.receivingServiceId === id).sort((a, b) => a.name.localeCompare(b.name)),
      );
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
