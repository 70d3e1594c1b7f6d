/**
 * Who holds an NHS number, by person id alone (issue 17: the BaRS FHIR search of a caller's
 * referrals by NHS number). Only the referral subgraph may ask, re-asserted here whatever the
 * shield rule said; it answers the caller only referrals the caller may already see, so the id
 * never reaches the caller.
 */
import { eq } from 'drizzle-orm';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { people } from '../db/schema.ts';
import type { QueryNhsNumberHoldersArgs } from '../generated/graphql.ts';
import { normaliseNhsNumber } from './identifiers.ts';

export async function nhsNumberHolders(ctx: Context, args: QueryNhsNumberHoldersArgs): Promise<string[]> {
  if (ctx.caller !== 'referral') throw forbidden('NHS numbers are looked up only for the referral service.');
  const nhsNumber = normaliseNhsNumber(args.nhsNumber);
  if (!nhsNumber) {
    throw badInput(args.inputPath ?? 'nhsNumber', 'An NHS number is 10 digits with a valid check digit.');
  }
  const rows = await ctx.db.select({ id: people.id }).from(people).where(eq(people.nhsNumber, nhsNumber));
  return rows.map((r) => r.id);
}
