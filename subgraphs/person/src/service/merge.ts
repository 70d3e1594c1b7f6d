/**
 * `resolveIdentityConflict` (DOMAIN.md, "Identity conflicts"), and the merge of two person records
 * across the subgraphs that hold data about them (docs/GOVERNANCE.md, "Merging two person records").
 *
 * The person subgraph is the identity authority, so it decides and records the merge first, in one
 * transaction that is the merge's commit point: the conflict resolved, the other record's
 * identifiers, health needs and risk assessments moved to the kept one, `mergedInto` set on the
 * merged record, `pendingMergeOf` on the kept one, and a `person_merges` row listing the owners
 * still to apply it (referral, partner). Each owner then applies the merge to its own data in one
 * transaction of its own, idempotently by the merge id (`applyPersonMerge`), and the step is
 * struck off; when none is left the merge is completed (`pendingMergeOf` cleared). A failure
 * anywhere after the commit point leaves the merge pending, never half-applied within an owner; the
 * resolving request and the background `PersonMergeResumer` drive pending merges until done.
 *
 * While a merge is pending, the grants on the merged record (which the referral and partner
 * subgraphs own and move in their steps) still open the kept record (`pendingMergeOf`), so nobody
 * who could read the person before loses sight of them half way.
 */
import { and, asc, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { isUuid } from '@reconnect/access';
import { auditActor, recordAuditEvents, type AuditActor } from '@reconnect/audit';
import { hasRole, type Principal } from '@reconnect/auth';
import type { Db, Queryable } from '@reconnect/db';
import { HubClient } from '@reconnect/hub-client';
import {
  badInput,
  conflict,
  forbidden,
  invalidTransition,
  notFound,
  type Logger,
  type SubgraphDeps,
} from '@reconnect/graph';
import type { Context } from '../context.ts';
import {
  IDENTIFIER_KINDS,
  MERGE_STEPS,
  healthNeeds,
  identityConflicts,
  submissions,
  people,
  personMerges,
  riskAssessments,
  type IdentityConflictRow,
  type MergeStep,
  type PersonMergeRow,
  type PersonRow,
} from '../db/schema.ts';
import type { MutationResolveIdentityConflictArgs } from '../generated/graphql.ts';
import { IDENTIFIER_FIELD } from './matching.ts';

export const MAX_NOTE_LENGTH = 2000;

/** What the payload carries: the conflict's id (its fields are read, and audited, as in the queue). */
export interface ConflictPayloadSource {
  conflictId: string;
}

export function validateNote(raw: string): string {
  const note = raw.trim();
  if (note.length === 0) throw badInput('note', 'A note saying why is required.');
  if (note.length > MAX_NOTE_LENGTH)
    throw badInput('note', `A note may be at most ${MAX_NOTE_LENGTH} characters.`);
  return note;
}

/**
 * The kept record of a SAME_PERSON resolution unless another of the two is named: the linked
 * record of a TWO_RECORDS conflict; of a DEMOGRAPHICS_DIFFER one, the record that held the
 * identifier (the submission's new record is merged into it: DOMAIN.md, "Identity conflicts").
 */
export function keptPersonOf(
  conflict: Pick<IdentityConflictRow, 'personId' | 'otherPersonId' | 'kind'>,
  outcome: 'SAME_PERSON' | 'DIFFERENT_PEOPLE',
  keepPersonId: string | null | undefined,
): string | null {
  if (outcome === 'DIFFERENT_PEOPLE') {
    if (keepPersonId) throw badInput('keepPersonId', 'keepPersonId is given only for SAME_PERSON.');
    return null;
  }
  if (!keepPersonId)
    return conflict.kind === 'DEMOGRAPHICS_DIFFER' ? conflict.otherPersonId : conflict.personId;
  const id = keepPersonId.toLowerCase();
  if (id !== conflict.personId && id !== conflict.otherPersonId)
    throw badInput('keepPersonId', 'keepPersonId must be one of the two records of the conflict.');
  return id;
}

export async function resolveIdentityConflict(
  ctx: Context,
  args: MutationResolveIdentityConflictArgs,
): Promise<ConflictPayloadSource> {
  // Security: re-asserted whatever the shield rule said; this is information governance's alone.
  if (!hasRole(ctx.principal, 'RECONNECT_ADMIN'))
    throw forbidden('Only information governance resolves identity conflicts.');
  if (!isUuid(args.id)) throw notFound('IdentityConflict');
  const note = validateNote(args.note);
  const [found] = await ctx.db.select().from(identityConflicts).where(eq(identityConflicts.id, args.id));
  if (!found) throw notFound('IdentityConflict');
  if (found.resolvedAt) throw invalidTransition('This identity conflict has already been resolved.');
  const keptId = keptPersonOf(found, args.outcome, args.keepPersonId);
  const at = ctx.clock.now();
  const actor = auditActor(ctx, at);

  if (keptId === null) {
    await ctx.db.transaction((tx) => resolveDifferentPeople(tx as unknown as Db, actor, found, note));
  } else {
    const mergedId = keptId === found.personId ? found.otherPersonId : found.personId;
    // A merge still being applied to either record finishes first (or this one waits its turn).
    for (const pending of await pendingMergesOf(ctx.db, [keptId, mergedId])) {
      await driveMerge(ctx.deps, ctx.db, pending, ctx.log);
    }
    const merge = await ctx.db.transaction((tx) =>
      commitMerge(tx as unknown as Db, actor, found, keptId, mergedId, note),
    );
    // The resolution stands from here on; a step that fails now is retried by the resumer.
    await driveMerge(ctx.deps, ctx.db, merge, ctx.log);
  }
  ctx.loaders.personById.clearAll();
  ctx.loaders.conflictsByPerson.clearAll();
  return { conflictId: found.id };
}

/** Takes the conflict, checking under its lock that nobody resolved it meanwhile. */
async function lockOpenConflict(tx: Queryable, id: string): Promise<IdentityConflictRow> {
  const [row] = await tx.select().from(identityConflicts).where(eq(identityConflicts.id, id)).for('update');
  if (!row || row.resolvedAt) throw invalidTransition('This identity conflict has already been resolved.');
  return row;
}

/**
 * DIFFERENT_PEOPLE: nothing merges; identifiers the conflicting submission added to the linked
 * record are taken off it again (DOMAIN.md). Only where the record still holds what matching added:
 * a value staff have since changed is not the submission's any more, and is not ours to remove.
 */
async function resolveDifferentPeople(
  tx: Db,
  actor: AuditActor,
  found: IdentityConflictRow,
  note: string,
): Promise<void> {
  const current = await lockOpenConflict(tx, found.id);
  const removed = current.addedIdentifierKinds.map((kind) => IDENTIFIER_FIELD[kind]);
  if (removed.length > 0) {
    await tx
      .update(people)
      .set({
        ...Object.fromEntries(removed.map((field) => [field, null])),
        updatedAt: actor.at,
        version: sql`${people.version} + 1`,
      })
      .where(eq(people.id, current.personId));
  }
  await tx
    .update(identityConflicts)
    .set({
      resolvedAt: actor.at,
      outcome: 'DIFFERENT_PEOPLE',
      note,
      resolvedBy: actor.principal.subject,
    })
    .where(eq(identityConflicts.id, current.id));
  await recordAuditEvents(tx, actor, [
    {
      action: 'person.identity-conflict-resolved',
      subjectType: 'IdentityConflict',
      subjectId: current.id,
      personId: current.personId,
      fields: ['identityConflicts', ...removed],
    },
    {
      action: 'person.identity-conflict-resolved',
      subjectType: 'IdentityConflict',
      subjectId: current.id,
      personId: current.otherPersonId,
      fields: ['identityConflicts'],
    },
  ]);
}

/**
 * SAME_PERSON's commit point: everything the person subgraph holds, and the record of what the
 * other owners must still apply, in one transaction.
 */
async function commitMerge(
  tx: Db,
  actor: AuditActor,
  found: IdentityConflictRow,
  keptId: string,
  mergedId: string,
  note: string,
): Promise<PersonMergeRow> {
  const at = actor.at;
  const current = await lockOpenConflict(tx, found.id);
  const pair = await tx
    .select()
    .from(people)
    .where(inArray(people.id, [keptId, mergedId]))
    .orderBy(asc(people.id))
    .for('update');
  const kept = pair.find((p) => p.id === keptId);
  const merged = pair.find((p) => p.id === mergedId);
  if (!kept || !merged) throw new Error(`identity conflict ${current.id} names a person that does not exist`);
  if (kept.mergedInto || merged.mergedInto)
    throw invalidTransition('One of these records has already been merged into another.');
  if (kept.pendingMergeOf || merged.pendingMergeOf)
    throw conflict('Another merge of one of these records is still being applied: try again in a minute.');

  // Identifiers the kept record lacks come from the merged one (taken off it first: each is unique).
  const taken: Partial<PersonRow> = {};
  const cleared: Partial<PersonRow> = {};
  for (const kind of IDENTIFIER_KINDS) {
    const field = IDENTIFIER_FIELD[kind];
    if (kept[field] === null && merged[field] !== null) taken[field] = merged[field];
    if (merged[field] !== null) cleared[field] = null;
  }
  const homeArea = kept.homeAreaCode === null && merged.homeAreaCode !== null;
  await tx
    .update(people)
    .set({ ...cleared, mergedInto: keptId, updatedAt: at, version: sql`${people.version} + 1` })
    .where(eq(people.id, mergedId));
  await tx
    .update(people)
    .set({
      ...taken,
      ...(homeArea ? { homeAreaCode: merged.homeAreaCode } : {}),
      pendingMergeOf: mergedId,
      updatedAt: at,
      version: sql`${people.version} + 1`,
    })
    .where(eq(people.id, keptId));
  // Records merged into the merged one before now answer the kept one (one hop, as linkedPersonIds reads).
  await tx
    .update(people)
    .set({ mergedInto: keptId, updatedAt: at, version: sql`${people.version} + 1` })
    .where(eq(people.mergedInto, mergedId));
  await tx.update(healthNeeds).set({ personId: keptId }).where(eq(healthNeeds.personId, mergedId));
  await tx.update(riskAssessments).set({ personId: keptId }).where(eq(riskAssessments.personId, mergedId));
  // What each submission said moves with it: its submitter still reads only that.
  await tx.update(submissions).set({ personId: keptId }).where(eq(submissions.personId, mergedId));

  await tx
    .update(identityConflicts)
    .set({
      resolvedAt: at,
      outcome: 'SAME_PERSON',
      keptPersonId: keptId,
      note,
      resolvedBy: actor.principal.subject,
    })
    .where(eq(identityConflicts.id, current.id));
  await carryOpenConflicts(tx, actor, current, keptId, mergedId, note);

  const [merge] = await tx
    .insert(personMerges)
    .values({
      conflictId: current.id,
      keptPersonId: keptId,
      mergedPersonId: mergedId,
      pendingSteps: [...MERGE_STEPS],
      recordedAt: at,
      recordedBySubject: actor.principal.subject,
      recordedByOrganisation: actor.principal.organisationCode ?? null,
      requestId: actor.requestId,
    })
    .returning();
  // The merge is one audit event on each record, each naming the other as its subject.
  const fields = ['identityConflicts', 'mergedInto', 'identifiers', 'healthNeeds', 'riskAssessments'];
  await recordAuditEvents(tx, actor, [
    { action: 'person.merged', subjectType: 'Person', subjectId: mergedId, personId: keptId, fields },
    { action: 'person.merged', subjectType: 'Person', subjectId: keptId, personId: mergedId, fields },
  ]);
  return merge!;
}

/**
 * Other open conflicts of the merged record now concern the kept one. One that would repeat an
 * open conflict of the kept record, or would set the kept record against itself, is resolved with
 * this merge instead (the open-conflict key allows one per pair and identifier).
 */
async function carryOpenConflicts(
  tx: Db,
  actor: AuditActor,
  resolved: IdentityConflictRow,
  keptId: string,
  mergedId: string,
  note: string,
): Promise<void> {
  const open = await tx
    .select()
    .from(identityConflicts)
    .where(
      and(
        isNull(identityConflicts.resolvedAt),
        ne(identityConflicts.id, resolved.id),
        or(eq(identityConflicts.personId, mergedId), eq(identityConflicts.otherPersonId, mergedId)),
      ),
    )
    .for('update');
  if (open.length === 0) return;
  const stillOpen = await tx
    .select()
    .from(identityConflicts)
    .where(
      and(
        isNull(identityConflicts.resolvedAt),
        or(eq(identityConflicts.personId, keptId), eq(identityConflicts.otherPersonId, keptId)),
      ),
    );
  const keys = new Set(stillOpen.map((c) => `${c.personId}|${c.otherPersonId}|${c.identifierKind}`));
  for (const c of open) {
    const personId = c.personId === mergedId ? keptId : c.personId;
    const otherPersonId = c.otherPersonId === mergedId ? keptId : c.otherPersonId;
    const key = `${personId}|${otherPersonId}|${c.identifierKind}`;
    if (personId === otherPersonId || keys.has(key)) {
      await tx
        .update(identityConflicts)
        .set({
          resolvedAt: actor.at,
          outcome: 'SAME_PERSON',
          keptPersonId: keptId,
          note: `Resolved with the merge of conflict ${resolved.id}: ${note}`,
          resolvedBy: actor.principal.subject,
        })
        .where(eq(identityConflicts.id, c.id));
    } else {
      keys.add(key);
      await tx
        .update(identityConflicts)
        .set({ personId, otherPersonId })
        .where(eq(identityConflicts.id, c.id));
    }
  }
}

export async function pendingMergesOf(db: Queryable, personIds: string[]): Promise<PersonMergeRow[]> {
  return db
    .select()
    .from(personMerges)
    .where(
      and(
        isNull(personMerges.completedAt),
        or(inArray(personMerges.keptPersonId, personIds), inArray(personMerges.mergedPersonId, personIds)),
      ),
    )
    .orderBy(asc(personMerges.recordedAt));
}

/** Each owner's internal mutation applying a merge (idempotent by merge id). */
const APPLY_MERGE: Record<MergeStep, string> = {
  referral: /* GraphQL */ `
    mutation ($mergeId: ID!, $keptPersonId: ID!, $mergedPersonId: ID!) {
      applyPersonMergeToReferrals(
        mergeId: $mergeId
        keptPersonId: $keptPersonId
        mergedPersonId: $mergedPersonId
      )
    }
  `,
  partner: /* GraphQL */ `
    mutation ($mergeId: ID!, $keptPersonId: ID!, $mergedPersonId: ID!) {
      applyPersonMergeToCases(mergeId: $mergeId, keptPersonId: $keptPersonId, mergedPersonId: $mergedPersonId)
    }
  `,
};

/** The owners' changes are made on behalf of whoever resolved the conflict (history, audit). */
function resolverPrincipal(merge: PersonMergeRow): Principal {
  return {
    subject: merge.recordedBySubject,
    roles: ['RECONNECT_ADMIN'],
    organisationCode: merge.recordedByOrganisation ?? undefined,
  };
}

type MergeDeps = Pick<SubgraphDeps, 'internalKeys' | 'subgraphUrls' | 'clock'>;

/**
 * Applies a recorded merge's remaining steps, each owner in turn, then completes it. Safe to run
 * more than once at a time and again after any failure: every owner applies a merge id once, and
 * striking a step off or completing the merge changes nothing the second time. Answers whether the
 * merge is complete; a step that fails is logged and left for the next run.
 */
export async function driveMerge(
  deps: MergeDeps,
  db: Db,
  merge: PersonMergeRow,
  log?: Pick<Logger, 'warn'>,
): Promise<boolean> {
  const client = new HubClient({
    internalKeys: deps.internalKeys,
    subgraphUrls: deps.subgraphUrls,
    callerName: 'person',
  });
  const onBehalfOf = { principal: resolverPrincipal(merge), requestId: merge.requestId };
  let pending: MergeStep[] = [...merge.pendingSteps];
  for (const step of MERGE_STEPS) {
    if (!pending.includes(step)) continue;
    try {
      await client.call(
        step,
        APPLY_MERGE[step],
        { mergeId: merge.id, keptPersonId: merge.keptPersonId, mergedPersonId: merge.mergedPersonId },
        onBehalfOf,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(personMerges)
        .set({ attempts: sql`${personMerges.attempts} + 1`, lastError: `${step}: ${message}`.slice(0, 500) })
        .where(eq(personMerges.id, merge.id));
      log?.warn({ mergeId: merge.id, step, err: error }, 'a person merge step failed; it will be retried');
      return false;
    }
    const [row] = await db
      .update(personMerges)
      .set({ pendingSteps: sql`array_remove(${personMerges.pendingSteps}, ${step})` })
      .where(eq(personMerges.id, merge.id))
      .returning();
    pending = row ? [...row.pendingSteps] : pending.filter((s) => s !== step);
  }
  if (pending.length > 0) return false;
  await completeMerge(deps, db, merge);
  return true;
}

async function completeMerge(deps: MergeDeps, db: Db, merge: PersonMergeRow): Promise<void> {
  const at = deps.clock.now();
  await db.transaction(async (tx) => {
    const done = await tx
      .update(personMerges)
      .set({ completedAt: at, lastError: null })
      .where(and(eq(personMerges.id, merge.id), isNull(personMerges.completedAt)))
      .returning({ id: personMerges.id });
    if (done.length === 0) return; // Completed by another run.
    await tx
      .update(people)
      .set({ pendingMergeOf: null })
      .where(and(eq(people.id, merge.keptPersonId), eq(people.pendingMergeOf, merge.mergedPersonId)));
    await recordAuditEvents(tx, { principal: resolverPrincipal(merge), requestId: merge.requestId, at }, [
      {
        action: 'person.merge-completed',
        subjectType: 'Person',
        subjectId: merge.mergedPersonId,
        personId: merge.keptPersonId,
        fields: ['mergedInto'],
      },
    ]);
  });
}

export interface PersonMergeResumerOptions extends MergeDeps {
  db: Db;
  logger?: Pick<Logger, 'warn' | 'error'>;
  /** Pause between rounds (default 5 s). */
  pollIntervalMs?: number;
  /** A merge is left this long to the request that recorded it before the resumer takes it (default 30 s). */
  graceMs?: number;
}

/**
 * Finishes merges that stopped half way (a subgraph was down, the process died after the commit
 * point): polls for pending merges and drives each. Runs beside the person subgraph, like the
 * webhook dispatcher beside the referral subgraph; several may run at once (each step is idempotent).
 */
export class PersonMergeResumer {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private started = false;

  constructor(private readonly options: PersonMergeResumerOptions) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round over every pending merge (old enough, unless `all`); answers how many completed. */
  async runOnce(all = false): Promise<number> {
    const before = new Date(
      this.options.clock.now().getTime() - (all ? 0 : (this.options.graceMs ?? 30_000)),
    );
    const due = await this.options.db
      .select()
      .from(personMerges)
      .where(and(isNull(personMerges.completedAt), lte(personMerges.recordedAt, before)))
      .orderBy(asc(personMerges.recordedAt))
      .limit(50);
    let completed = 0;
    for (const merge of due) {
      if (await driveMerge(this.options, this.options.db, merge, this.options.logger)) completed += 1;
    }
    return completed;
  }

  /** Tests: drive every pending merge now, whatever its age. */
  drain(): Promise<number> {
    return this.runOnce(true);
  }

  private schedule(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'person merge round failed'))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.options.pollIntervalMs ?? 5_000);
    this.timer.unref?.();
  }
}
