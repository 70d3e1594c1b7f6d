/**
 * The partner subgraph's part of a subject access report (DOMAIN.md "Subject access and
 * retention"): the person's Enhanced RECONNECT cases with their partners (code and name) and
 * every partner update. Asked for only by the person subgraph, which assembles the report for
 * information governance and audits it with the reason (the shield: `calledByPerson` and
 * RECONNECT_ADMIN). Every stored column is included, as stored.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import type { Queryable } from '@reconnect/db';
import { notFound } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { casePartners, enhancedCases, partnerOrganisations, partnerUpdates } from '../db/schema.ts';

export async function partnerSubjectAccessPart(db: Queryable, personId: string) {
  const cases = await db
    .select()
    .from(enhancedCases)
    .where(eq(enhancedCases.personId, personId))
    .orderBy(asc(enhancedCases.openedAt), asc(enhancedCases.id));
  const ids = cases.map((c) => c.id);
  const [partners, updates] = ids.length
    ? await Promise.all([
        db
          .select({
            caseId: casePartners.caseId,
            partnerCode: partnerOrganisations.code,
            partnerName: partnerOrganisations.name,
            addedAt: casePartners.addedAt,
            addedBy: casePartners.addedBy,
            removedAt: casePartners.removedAt,
            removeReason: casePartners.removeReason,
          })
          .from(casePartners)
          .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, casePartners.partnerId))
          .where(inArray(casePartners.caseId, ids))
          .orderBy(asc(casePartners.addedAt)),
        db
          .select({
            caseId: partnerUpdates.caseId,
            id: partnerUpdates.id,
            at: partnerUpdates.at,
            author: partnerUpdates.author,
            partnerCode: partnerOrganisations.code,
            note: partnerUpdates.note,
          })
          .from(partnerUpdates)
          .leftJoin(partnerOrganisations, eq(partnerOrganisations.id, partnerUpdates.partnerId))
          .where(inArray(partnerUpdates.caseId, ids))
          .orderBy(asc(partnerUpdates.at), asc(partnerUpdates.id)),
      ])
    : [[], []];
  const of = <T extends { caseId: string }>(list: T[], id: string) =>
    list.filter((x) => x.caseId === id).map(({ caseId: _c, ...rest }) => rest);
  return {
    enhancedCases: cases.map((c) => ({ ...c, partners: of(partners, c.id), updates: of(updates, c.id) })),
  };
}

/** `partnerSubjectAccessPart` (internal): the part as one JSON text. */
export async function subjectAccessPart(ctx: Context, args: { personId: string }): Promise<string> {
  if (!isUuid(args.personId)) throw notFound('Person');
  return JSON.stringify(await partnerSubjectAccessPart(ctx.db, args.personId));
}
