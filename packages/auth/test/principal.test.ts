/** Reading roles and the principal from verified claims (contract/AUTH.md, "Tokens"). */
import { describe, expect, it } from 'vitest';
import { hasRole, isServiceStaff, parseRoles, principalFromClaims } from '../src/index.ts';

describe('parseRoles', () => {
  it.each([
    { claim: ['RECONNECT_STAFF'], roles: ['RECONNECT_STAFF'], why: 'a plain role' },
    { claim: ['ROLE_RECONNECT_LEAD'], roles: ['RECONNECT_LEAD'], why: 'the ROLE_ prefix is ignored' },
    { claim: ['role_referrer'], roles: ['REFERRER'], why: 'the prefix in lower case too' },
    {
      claim: ['er_partner', ' Commissioner '],
      roles: ['ER_PARTNER', 'COMMISSIONER'],
      why: 'case and spaces are normalised',
    },
    {
      claim: ['ROLE_ADMIN', 'SUPERUSER', 'RECONNECT_ADMIN'],
      roles: ['RECONNECT_ADMIN'],
      why: 'unknown roles are dropped',
    },
    {
      claim: ['RECONNECT_STAFF', 'ROLE_RECONNECT_STAFF'],
      roles: ['RECONNECT_STAFF'],
      why: 'duplicates collapse',
    },
    { claim: ['ROLE_ROLE_REFERRER'], roles: [], why: 'only one prefix is removed' },
    { claim: ['RECONNECT_STAFFX', 'XRECONNECT_STAFF'], roles: [], why: 'names must match exactly' },
    {
      claim: [42, null, { role: 'RECONNECT_STAFF' }, 'REFERRER'],
      roles: ['REFERRER'],
      why: 'non-strings are ignored',
    },
  ])('$why', ({ claim, roles }) => {
    expect(parseRoles(claim)).toEqual(roles);
  });

  it.each([['RECONNECT_STAFF'], [undefined], [null], [{ 0: 'RECONNECT_STAFF' }], [42]])(
    'a claim that is not an array (%j) grants no role',
    (claim) => {
      expect(parseRoles(claim)).toEqual([]);
    },
  );
});

describe('principalFromClaims', () => {
  it('reads subject, name, roles, organisation and staff id', () => {
    expect(
      principalFromClaims({
        sub: 'user-1',
        name: 'Sam Worker',
        roles: ['ROLE_RECONNECT_STAFF', 'UNKNOWN'],
        org: 'RC-NW',
        staff_id: 'staff-9',
        iss: 'ignored',
      }),
    ).toEqual({
      subject: 'user-1',
      displayName: 'Sam Worker',
      roles: ['RECONNECT_STAFF'],
      organisationCode: 'RC-NW',
      staffId: 'staff-9',
    });
  });

  it('refuses claims without a subject', () => {
    expect(() => principalFromClaims({ roles: ['REFERRER'] })).toThrow();
    expect(() => principalFromClaims({ sub: '', roles: ['REFERRER'] })).toThrow();
    expect(() => principalFromClaims({ sub: 42, roles: ['REFERRER'] })).toThrow();
  });

  it('ignores optional claims of the wrong type or absurd length', () => {
    const principal = principalFromClaims({ sub: 'u', org: 7, name: 'x'.repeat(201), staff_id: '' });
    expect(principal.organisationCode).toBeUndefined();
    expect(principal.displayName).toBeUndefined();
    expect(principal.staffId).toBeUndefined();
    expect(principal.roles).toEqual([]);
  });
});

describe('role checks', () => {
  it('a lead counts as service staff; a referrer does not; no principal has no role', () => {
    const lead = principalFromClaims({ sub: 'l', roles: ['RECONNECT_LEAD'] });
    const referrer = principalFromClaims({ sub: 'r', roles: ['REFERRER'] });
    expect(isServiceStaff(lead)).toBe(true);
    expect(isServiceStaff(referrer)).toBe(false);
    expect(hasRole(referrer, 'REFERRER', 'ER_PARTNER')).toBe(true);
    expect(hasRole(undefined, 'REFERRER')).toBe(false);
  });
});
