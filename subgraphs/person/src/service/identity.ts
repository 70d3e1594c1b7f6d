/**
 * `resolvePersonIdentity`, the internal entry to matching: only the referral subgraph may call it
 * (on behalf of a referrer or RECONNECT staff submitting a referral), re-asserted here whatever
 * the shield rule said, because creating and linking people is the identity authority's most
 * consequential write.
 */
import { maySubmitReferrals } from '@reconnect/auth';
import { isUuid } from '@reconnect/access';
import { badInput, forbidden } from '@reconnect/graph';
import type { Context } from '../context.ts';
import type { MutationResolvePersonIdentityArgs } from '../generated/graphql.ts';
import { validateIdentity } from './identifiers.ts';
import { resolveIdentity, type IdentityResolution } from './matching.ts';
import { auditActor } from '@reconnect/audit';

export function assertMayResolveIdentity(ctx: Context): void {
  if (ctx.caller !== 'referral' || !maySubmitReferrals(ctx.principal)) {
    throw forbidden('Identities are resolved only when a referral is submitted.');
  }
}

export async function resolvePersonIdentity(
  ctx: Context,
  args: MutationResolvePersonIdentityArgs,
): Promise<IdentityResolution> {
  assertMayResolveIdentity(ctx);
  const identity = validateIdentity(args.input, args.inputPath ?? 'input.person', ctx.clock.today());
  const referralId = args.referralId ?? null;
  if (referralId !== null && !isUuid(referralId)) throw badInput('referralId', 'referralId must be a UUID.');
  const resolution = await resolveIdentity(ctx.db, auditActor(ctx, ctx.clock.now()), identity, {
    referralId: referralId?.toLowerCase() ?? null,
    organisationCode: ctx.principal.organisationCode ?? null,
  });
  ctx.loaders.resolvedInThisRequest.add(resolution.person.id);
  ctx.loaders.personById.clear(resolution.person.id).prime(resolution.person.id, resolution.person);
  return resolution;
}
