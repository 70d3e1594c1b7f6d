/**
 * Partner organisations and agreements (AUTH.md): RECONNECT staff and admins read all of them; an
 * ER partner reads its own organisation only; referrers and commissioners nothing.
 */
import { and, hasAnyRole, or, rule, type IRules } from '@reconnect/graph';
import type { Context } from './context.ts';
import type { AgreementRow, PartnerRow } from './db/schema.ts';

const staffOrAdmin = hasAnyRole('RECONNECT_STAFF', 'RECONNECT_LEAD', 'RECONNECT_ADMIN');
const partner = hasAnyRole('ER_PARTNER');

const ownOrganisation = rule('ownPartnerOrganisation', { cache: 'no_cache' })(
  (p: PartnerRow, _args, ctx: Context) =>
    !!ctx.principal.organisationCode && p.code === ctx.principal.organisationCode,
);
const ownAgreement = rule('ownAgreement', { cache: 'no_cache' })(async (
  a: AgreementRow,
  _args,
  ctx: Context,
) => {
  const owner = await ctx.loaders.partnerById.load(a.partnerId);
  return !!owner && owner.code === ctx.principal.organisationCode;
});

const readsOrganisation = or(staffOrAdmin, and(partner, ownOrganisation));
const readsAgreement = or(staffOrAdmin, and(partner, ownAgreement));

export const permissions: IRules = {
  Query: {
    partnerOrganisations: or(staffOrAdmin, partner),
  },
  PartnerOrganisation: readsOrganisation,
  DataSharingAgreement: readsAgreement,
};
