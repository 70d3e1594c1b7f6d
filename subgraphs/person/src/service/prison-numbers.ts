/**
 * The identity authority's side of HMPPS custody events (DOMAIN.md, "Custody events from HMPPS"):
 * who holds a prison number (ids only), and a MERGED event's change. Only the referral subgraph
 * may call either, for the HMPPS events client, re-asserted here whatever the shield rule said.
 *
 * MERGED: HMPPS merged `removed` into `kept`. The person holding the removed number gets the kept
 * one in its place; if another person already holds the kept number, the two records may be one
 * person or two, which people decide: an identity conflict is recorded (PRISON_NUMBER) and nothing
 * is merged. Applying it again changes nothing (the removed number is held by nobody by then).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { auditActor, recordAuditEvents } from '@reconnect/audit';
import { CUSTODY_EVENTS_ROLE, hasRole } from '@reconnect/auth';
import { isUniqueViolation } from '@reconnect/db';
import { badInput, conflict, forbidden, prisonNumberAt } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { identityConflicts, people } from '../db/schema.ts';
import type { MutationMergePrisonNumbersArgs, QueryPrisonNumberHoldersArgs } from '../generated/graphql.ts';

export function assertCustodyEventsCall(ctx: Context): void {
  if (ctx.caller !== 'referral' || !hasRole(ctx.principal, CUSTODY_EVENTS_ROLE)) {
    throw forbidden('Prison numbers are looked up only to apply an HMPPS custody event.');
  }
}

export interface PrisonNumberHolder {
  prisonNumber: string;
  personId: string;
}

export async function prisonNumberHolders(
  ctx: Context,
  args: QueryPrisonNumberHoldersArgs,
): Promise<PrisonNumberHolder[]> {
  assertCustodyEventsCall(ctx);
  if (args.prisonNumbers.length > 2) throw badInput('prisonNumbers', 'Ask for at most two prison numbers.');
  const numbers = args.prisonNumbers.map((n, i) => prisonNumberAt(n, `prisonNumbers.${i}`));
  if (numbers.length === 0) return [];
  const rows = await ctx.db
    .select({ prisonNumber: people.prisonNumber, personId: people.id })
    .from(people)
    .where(inArray(people.prisonNumber, numbers));
  return rows.map((r) => ({ prisonNumber: r.prisonNumber!, personId: r.personId }));
}

export type MergeOutcome = 'MERGED' | 'IDENTITY_CONFLICT' | 'NOT_HELD';

/** What a MERGED event does, given who holds each number (pure). */
export function mergeDecision(
  keptHolder: string | null,
  removedHolder: string | null,
): { outcome: MergeOutcome; personId: string | null; otherPersonId?: string } {
  if (removedHolder === null) {
    // Nobody holds the removed number: merged before (the kept holder), or unknown to the hub.
    return keptHolder === null
      ? { outcome: 'NOT_HELD', personId: null }
      : { outcome: 'MERGED', personId: keptHolder };
  }
  if (keptHolder === null || keptHolder === removedHolder)
    return { outcome: 'MERGED', personId: removedHolder };
  return { outcome: 'IDENTITY_CONFLICT', personId: removedHolder, otherPersonId: keptHolder };
}

export async function mergePrisonNumbers(
  ctx: Context,
  args: MutationMergePrisonNumbersArgs,
): Promise<{ outcome: MergeOutcome; personId: string | null }> {
  assertCustodyEventsCall(ctx);
  const kept = prisonNumberAt(args.keptPrisonNumber, 'event.prisonNumber');
  const removed = prisonNumberAt(args.removedPrisonNumber, 'event.removedPrisonNumber');
  if (kept === removed)
    throw badInput('event.removedPrisonNumber', 'The removed prison number must differ from the kept one.');
  const at = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const holders = await tx
        .select({ id: people.id, prisonNumber: people.prisonNumber })
        .from(people)
        .where(inArray(people.prisonNumber, [kept, removed]))
        .for('update');
      const holderOf = (n: string) => holders.find((h) => h.prisonNumber === n)?.id ?? null;
      const removedHolder = holderOf(removed);
      const decision = mergeDecision(holderOf(kept), removedHolder);
      if (decision.outcome === 'MERGED' && removedHolder !== null) {
        await tx
          .update(people)
          .set({ prisonNumber: kept, updatedAt: at, version: sql`${people.version} + 1` })
          .where(eq(people.id, decision.personId!));
        await recordAuditEvents(tx, auditActor(ctx, at), [
          {
            action: 'person.prison-number-merged',
            subjectType: 'Person',
            subjectId: decision.personId!,
            personId: decision.personId!,
            fields: ['prisonNumber'],
          },
        ]);
      }
      if (decision.outcome === 'IDENTITY_CONFLICT') {
        const recorded = await tx
          .insert(identityConflicts)
          .values({
            personId: decision.personId!,
            otherPersonId: decision.otherPersonId!,
            kind: 'TWO_RECORDS',
            identifierKind: 'PRISON_NUMBER',
            contestedIdentifierKinds: ['PRISON_NUMBER'],
            recordedAt: at,
          })
          .onConflictDoNothing()
          .returning();
        if (recorded.length > 0) {
          await recordAuditEvents(tx, auditActor(ctx, at), [
            {
              action: 'person.identity-conflict-recorded',
              subjectType: 'Person',
              subjectId: decision.personId!,
              personId: decision.personId!,
              fields: ['identityConflicts'],
            },
          ]);
        }
      }
      return { outcome: decision.outcome, personId: decision.personId };
    });
  } catch (error) {
    // Matching gave the kept number to someone between the read and the write: look again.
    if (isUniqueViolation(error, 'people_prison_number_key')) throw conflict();
    throw error;
  }
}
