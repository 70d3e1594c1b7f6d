/**
 * The source fits the organisation (contract/next/trust.md; DOMAIN.md, "One person, many doors").
 * A referrer's token names its organisation as `org`; the directory of referring organisations
 * (regional-service) says whether that organisation may refer at all, and with which sources.
 */
import { hasRole } from '@reconnect/auth';
import { badInput, forbidden } from '@reconnect/graph';
import { hubFor } from '@reconnect/hub-client';
import type { Context } from '../context.ts';

interface OrganisationAnswer {
  referringOrganisation: {
    code: string;
    name: string;
    kind: string;
    active: boolean;
    allowedSources: string[];
  } | null;
}

const REFERRING_ORGANISATION = `query ReferringOrganisationOf($code: String!) {
  referringOrganisation(code: $code) { code name kind active allowedSources }
}`;

/**
 * Security decision: a REFERRER submits only as an active organisation of the directory, and only
 * with a source its kind allows; otherwise the online form's token could submit as PROBATION, skip
 * the rule that only professionals refer after release, and falsify `bySource` in the metrics.
 * The directory is asked with the caller's own principal (a referrer reads its own organisation).
 * Answers the organisation's code to store on the referral, or null for RECONNECT staff, who may
 * submit with any source (a referral received by phone or email).
 */
export async function assertSourceFitsOrganisation(
  ctx: Context,
  organisation: string,
  source: string,
): Promise<string | null> {
  if (!hasRole(ctx.principal, 'REFERRER')) return null;
  const { referringOrganisation: org } = await hubFor(ctx).call<OrganisationAnswer>(
    'regional-service',
    REFERRING_ORGANISATION,
    { code: organisation },
  );
  if (!org) {
    throw forbidden(
      'Your organisation is not in the directory of referring organisations: ask RECONNECT information governance to add it.',
    );
  }
  if (!org.active) {
    throw forbidden(
      'Your organisation may no longer refer: the directory of referring organisations marks it inactive.',
    );
  }
  if (!org.allowedSources.includes(source)) {
    throw badInput(
      'input.source',
      `${org.name} may refer with source ${org.allowedSources.join(' or ')} only.`,
    );
  }
  return org.code;
}
