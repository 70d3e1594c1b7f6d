import type { PrincipalResolvers } from '../generated/resolvers.ts';
import { serviceOfPrincipal } from '../service/principal.ts';

export const Principal: PrincipalResolvers = {
  organisationCode: (p) => p.organisationCode ?? null,
  displayName: (p) => p.displayName ?? null,
  service: (p, _, ctx) => serviceOfPrincipal(ctx, p),
};
