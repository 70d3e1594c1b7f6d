import type { Principal as Caller } from '@reconnect/auth';
import { isServiceStaff } from '@reconnect/auth';
import type { Context } from '../context.ts';

export const Principal = {
  organisationCode: (p: Caller) => p.organisationCode ?? null,
  displayName: (p: Caller) => p.displayName ?? null,
  /** Only staff tokens name a service; a partner or referrer code is not a service code. */
  service: (p: Caller, _: unknown, ctx: Context) =>
    isServiceStaff(p) || p.roles.includes('RECONNECT_ADMIN')
      ? p.organisationCode
        ? ctx.loaders.serviceByCode.load(p.organisationCode)
        : null
      : null,
};
