/** Seeds the demo partner organisations and their agreements from the reference data. Idempotent. */
import { sql } from 'drizzle-orm';
import { stableUuid, type Queryable } from '@reconnect/db';
import * as reference from '@reconnect/reference-data';
import { dataSharingAgreements, partnerOrganisations } from './db/schema.ts';

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
