/**
 * What the lifecycle needs to know from the directory (regional-service): whether a staff member
 * may be named on a referral, and whether an establishment exists. Asked on the caller's behalf
 * through `_entities`, so the directory's own rules apply; always before a transaction opens.
 */
import { isUuid } from '@reconnect/access';
import { badInput, codeOf, establishmentCodeAt } from '@reconnect/graph';
import type { Context } from '../context.ts';
import { hubFor } from '@reconnect/hub-client';

export const NAMED_WORKER_ROLES = ['RECONNECT_WORKER', 'TEAM_LEAD'] as const;
export const PEER_SUPPORT_ROLES = ['PEER_SUPPORT_WORKER'] as const;

interface StaffEntity {
  id: string;
  name: string;
  role: string;
  active: boolean;
  service: { code: string } | null;
}

const STAFF = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Staff {
        id
        name
        role
        active
        service {
          code
        }
      }
    }
  }
`;

const ESTABLISHMENT = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Establishment {
        code
        type
        localService {
          code
        }
      }
    }
  }
`;

const OTHER_SERVICE =
  'Staff of another service cannot be assigned: name an active member of the owning service.';

/**
 * The staff member, when it is an active member of `serviceCode` with one of `roles` (any role when
 * `roles` is null); BAD_USER_INPUT on `field` otherwise.
 *
 * Security: the directory lets staff read only their own service's staff, so a member of another
 * service comes back FORBIDDEN (or null): that, an unknown id and a member of another service all
 * get the same answer, which reveals nothing about other services' staff.
 */
export async function assignableStaff(
  ctx: Context,
  staffId: string,
  serviceCode: string,
  field: string,
  roles: readonly string[] | null,
): Promise<{ id: string; name: string }> {
  if (!isUuid(staffId)) throw badInput(field, OTHER_SERVICE);
  let member: StaffEntity | null;
  try {
    const data = await hubFor(ctx).call<{ _entities: (StaffEntity | null)[] }>('regional-service', STAFF, {
      representations: [{ __typename: 'Staff', id: staffId }],
    });
    member = data._entities[0] ?? null;
  } catch (error) {
    const code = codeOf(error);
    if (code !== 'FORBIDDEN' && code !== 'NOT_FOUND') throw error;
    member = null;
  }
  if (!member || member.service?.code !== serviceCode) throw badInput(field, OTHER_SERVICE);
  if (!member.active) throw badInput(field, 'That staff member is no longer active in the service.');
  if (roles && !roles.includes(member.role)) {
    throw badInput(
      field,
      roles.includes('PEER_SUPPORT_WORKER')
        ? 'Peer support is given by a peer support worker.'
        : 'The named worker must be a RECONNECT worker or a team lead.',
    );
  }
  return { id: member.id, name: member.name };
}

interface EstablishmentEntity {
  code: string;
  type: 'PRISON' | 'IRC';
  localService: { code: string } | null;
}

/**
 * The directory's answer per request and code: an HMPPS event checks that its establishment is in
 * England and then the operation it applies names it again; one request asks the directory once.
 */
const establishmentsAsked = new WeakMap<Context, Map<string, Promise<EstablishmentEntity | null>>>();

function establishmentEntity(ctx: Context, code: string): Promise<EstablishmentEntity | null> {
  let asked = establishmentsAsked.get(ctx);
  if (!asked) establishmentsAsked.set(ctx, (asked = new Map()));
  let answer = asked.get(code);
  if (!answer) {
    answer = hubFor(ctx)
      .call<{ _entities: (EstablishmentEntity | null)[] }>('regional-service', ESTABLISHMENT, {
        representations: [{ __typename: 'Establishment', code }],
      })
      .then((data) => data._entities[0] ?? null);
    // A failed call is not an answer: the next question asks again.
    answer.catch(() => asked.delete(code));
    asked.set(code, answer);
  }
  return answer;
}

/** A known prison or IRC, with its type and its local RECONNECT service; BAD_USER_INPUT on `field` otherwise. */
export async function knownEstablishment(
  ctx: Context,
  code: string,
  field: string,
): Promise<{ code: string; type: 'PRISON' | 'IRC'; localServiceCode: string | null }> {
  const found = await establishmentEntity(ctx, establishmentCodeAt(code, field));
  if (!found) throw badInput(field, 'No prison or IRC in England has that code.');
  return { code: found.code, type: found.type, localServiceCode: found.localService?.code ?? null };
}
