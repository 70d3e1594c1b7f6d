/**
 * Reading people. A person is revealed only to a caller with a live relationship (a grant) the
 * caller's roles may use, or to RECONNECT_ADMIN (AUTH.md: admins resolve any person, to read its
 * `id` and `accessLog`; the field rules stop them reading anything else). Every read of a person is
 * an audit event, written before the data is returned, so a read whose audit fails fails.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { hasRole } from '@reconnect/auth';
import { isUuid } from '@reconnect/access';
import type { Context } from '../context.ts';
import type { PersonRow } from '../db/schema.ts';
import { requestedFields } from './requested-fields.ts';

/** What a PersonPayload carries: the id, so the payload's read of the person is audited like any other. */
export interface PersonPayloadSource {
  personId: string;
}

/** The person, if it exists and the caller may see it at all; null otherwise (never an error). */
export async function visiblePerson(ctx: Context, id: string): Promise<PersonRow | null> {
  if (!isUuid(id)) return null;
  // Both lookups in the same tick, so a page of references costs one query of each kind.
  const [person, related] = await Promise.all([
    ctx.loaders.personById.load(id),
    ctx.access.hasPersonRelationship(id),
  ]);
  if (!person) return null;
  if (related || hasRole(ctx.principal, 'RECONNECT_ADMIN')) return person;
  // A record in a merge is also seen through the other record's grants (linkedPersonIds).
  const linked = linkedPersonIds(person);
  if (linked.length > 1 && (await ctx.access.hasPersonRelationship(linked[1]!))) return person;
  // A declined duplicate's service sees the person of that referral as submitted (submitted.ts).
  for (const other of linked) if ((await ctx.access.submissionGrants(other)).length > 0) return person;
  return null;
}

/**
 * The records whose grants open this one: itself, and, in a merge, the other record. A merged
 * record is read by whoever may read the kept one (DOMAIN.md: `person(id)` of it answers the kept
 * person through `mergedInto`); the kept record, while the merge is still being applied, also by
 * whoever held a grant on the merged one (those grants move in the referral and partner subgraphs'
 * steps: docs/GOVERNANCE.md, "Merging two person records").
 */
export function linkedPersonIds(person: Pick<PersonRow, 'id' | 'mergedInto' | 'pendingMergeOf'>): string[] {
  const other = person.mergedInto ?? person.pendingMergeOf;
  return other ? [person.id, other] : [person.id];
}

/**
 * Records the read of a person (every Person field the operation asks for) once per request, and
 * waits for the write: a read whose audit event cannot be written fails.
 */
export function auditPersonRead(ctx: Context, personId: string, info: GraphQLResolveInfo): Promise<void> {
  let recorded = ctx.loaders.personReads.get(personId);
  if (!recorded) {
    recorded = ctx.audit.record({
      action: 'person.read',
      subjectType: 'Person',
      subjectId: personId,
      personId,
      // What the client's whole request asks of a Person (from the gateway), or, for a call from
      // another subgraph, what this operation asks: one event per person per request names it all.
      fields: ctx.reads?.['Person'] ?? requestedFields(info, 'Person'),
    });
    ctx.loaders.personReads.set(personId, recorded);
  }
  return recorded;
}

/** Resolves a person for `person(id)`, `_entities` and payloads: visible, and audited before returning. */
export async function readPerson(
  ctx: Context,
  id: string,
  info: GraphQLResolveInfo,
): Promise<PersonRow | null> {
  const person = await visiblePerson(ctx, id);
  if (!person) return null;
  await auditPersonRead(ctx, person.id, info);
  return person;
}
