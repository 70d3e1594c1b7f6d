/**
 * Reading identity conflicts (DOMAIN.md, "Identity conflicts"; contract/next/governance.md):
 *
 * - staff of a service with a relationship to a person read that person's conflicts through
 *   `Person.identityConflicts`, and of the other record only its `id`;
 * - information governance (RECONNECT_ADMIN) reads the queue, and through a conflict (only there)
 *   both records' identity fields; each record it reads that way is an audit event with the
 *   purpose "identity resolution".
 *
 * A person reached through a conflict is handed to the Person field rules as a `ConflictPerson`:
 * the row, marked with who reached it that way, so that the rules can open exactly those fields
 * for exactly that object (the compiled rules decide per object, so the same person read through
 * `person(id)` in the same request is not opened by it).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { and, asc, count, eq, gt, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { AuditRecorder, auditActor } from '@reconnect/audit';
import { hasRole } from '@reconnect/auth';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { identityConflicts, type IdentityConflictRow, type PersonRow } from '../db/schema.ts';
import type { IdentityConflictStatus, QueryIdentityConflictsArgs } from '../generated/graphql.ts';
import { auditPersonRead } from './people.ts';
import { requestedFields } from './requested-fields.ts';

export const IDENTITY_RESOLUTION_PURPOSE = 'identity resolution';
export const MAX_CONFLICT_PAGE = 200;

/** A person row reached through an identity conflict: `via` says by whom (see the file comment). */
export type ConflictPerson = PersonRow & { via: 'ADMIN' | 'STAFF' };

export function isConflictPerson(person: PersonRow, via: ConflictPerson['via']): boolean {
  return (person as Partial<ConflictPerson>).via === via;
}

export function statusCondition(status: IdentityConflictStatus | null | undefined): SQL {
  return status === 'RESOLVED'
    ? isNotNull(identityConflicts.resolvedAt)
    : isNull(identityConflicts.resolvedAt);
}

/**
 * A conflict read through `Person.identityConflicts`: whoever reads it there (information
 * governance included) sees of its records no more than their grants open, and each one's `id`.
 */
export type ConflictThroughPerson = IdentityConflictRow & { throughPerson: true };

const throughPerson = (c: IdentityConflictRow): boolean =>
  (c as Partial<ConflictThroughPerson>).throughPerson === true;

/** `Person.identityConflicts`: conflicts on either side of this record, in the status asked. */
export async function conflictsOfPerson(
  ctx: Context,
  personId: string,
  status: IdentityConflictStatus | null | undefined,
): Promise<ConflictThroughPerson[]> {
  const rows = await ctx.loaders.conflictsByPerson.load(personId);
  return rows
    .filter((c) => (status === 'RESOLVED' ? c.resolvedAt !== null : c.resolvedAt === null))
    .map((c) => ({ ...c, throughPerson: true }));
}

/**
 * The audit recorder of reads made for identity resolution: the request's actor with the purpose
 * "identity resolution", whatever the client sent. One per request, so each person is one event.
 */
function governanceAudit(ctx: Context): AuditRecorder {
  let recorder = ctx.loaders.governanceAudit;
  if (!recorder) {
    recorder = new AuditRecorder(ctx.db, () => ({
      ...auditActor(ctx, ctx.clock.now()),
      purpose: IDENTITY_RESOLUTION_PURPOSE,
    }));
    ctx.loaders.governanceAudit = recorder;
  }
  return recorder;
}

/**
 * One record of a conflict, for the field that names it (`person`, `otherPerson`, `keptPerson`):
 * the row marked with how it was reached, its read audited before it is returned. Information
 * governance's read is audited with the purpose "identity resolution"; anyone else's as any read.
 */
export async function conflictPerson(
  ctx: Context,
  conflict: IdentityConflictRow,
  personId: string,
  info: GraphQLResolveInfo,
): Promise<ConflictPerson> {
  const row = await ctx.loaders.personById.load(personId);
  // The conflict table references people (no deletes): a missing row is the hub's fault.
  if (!row) throw new Error(`identity conflict names person ${personId}, which does not exist`);
  if (hasRole(ctx.principal, 'RECONNECT_ADMIN') && !throughPerson(conflict)) {
    await governanceAudit(ctx).record({
      action: 'person.read',
      subjectType: 'Person',
      subjectId: personId,
      personId,
      fields: requestedFields(info, 'Person'),
    });
    return { ...row, via: 'ADMIN' };
  }
  await auditPersonRead(ctx, personId, info);
  return { ...row, via: 'STAFF' };
}

export interface ConflictPage {
  nodes: IdentityConflictRow[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

function encodeCursor(row: IdentityConflictRow): string {
  return Buffer.from(`conflict:${row.recordedAt.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const m = /^conflict:([0-9T:.\-Z]{20,30})\|([0-9a-f-]{36})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const at = m ? new Date(m[1]!) : null;
  if (!m || !at || Number.isNaN(at.getTime()) || !isUuid(m[2]!))
    throw badInput('after', 'This cursor was not given by the hub.');
  return { at, id: m[2]! };
}

/** The queue (RECONNECT_ADMIN only, re-asserted here): oldest first, so the longest waiting come first. */
export async function conflictQueue(ctx: Context, args: QueryIdentityConflictsArgs): Promise<ConflictPage> {
  if (!hasRole(ctx.principal, 'RECONNECT_ADMIN'))
    throw forbidden('Only information governance reads the identity conflict queue.');
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_CONFLICT_PAGE)
    throw badInput('first', `first must be between 0 and ${MAX_CONFLICT_PAGE}.`);
  const status = statusCondition(args.status);
  const after = args.after ? decodeCursor(args.after) : null;
  const page = after
    ? and(
        status,
        or(
          gt(identityConflicts.recordedAt, after.at),
          and(eq(identityConflicts.recordedAt, after.at), gt(identityConflicts.id, after.id)),
        ),
      )
    : status;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(identityConflicts)
      .where(page)
      .orderBy(asc(identityConflicts.recordedAt), asc(identityConflicts.id))
      .limit(first + 1),
    ctx.db.select({ n: count() }).from(identityConflicts).where(status),
  ]);
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? encodeCursor(last) : null, hasNextPage: rows.length > first },
    totalCount: Number(total?.n ?? 0),
  };
}

/**
 * `IdentityConflict.referral`: the referral whose submission found the conflict, named only to
 * information governance and to a caller with a live grant on that referral. Staff of the other
 * record see the conflict on their person but not the id of a referral they cannot read.
 */
export async function conflictReferral(
  ctx: Context,
  conflict: IdentityConflictRow,
): Promise<{ id: string } | null> {
  if (!conflict.referralId) return null;
  if (hasRole(ctx.principal, 'RECONNECT_ADMIN')) return { id: conflict.referralId };
  return (await ctx.access.hasReferralRelationship(conflict.referralId)) ? { id: conflict.referralId } : null;
}
