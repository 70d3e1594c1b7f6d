/** The directory part of the contract through the real gateway, for every role. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reference from '@reconnect/reference-data';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';

const ALL_ROLES = [
  'RECONNECT_STAFF',
  'RECONNECT_LEAD',
  'RECONNECT_ADMIN',
  'REFERRER',
  'ER_PARTNER',
  'COMMISSIONER',
] as const;

describe('directory', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('tells a caller who it is, and names a staff member its service', async () => {
    const staff = await hub.as(['ROLE_RECONNECT_STAFF', 'RECONNECT_LEAD'], {
      org: 'RC-NW',
      sub: 'u-123',
      name: 'Sam Okafor',
    });
    const { body } = await staff.query(
      `{ me { subject displayName roles organisationCode service { code name region } } }`,
    );
    expect(body).toEqual({
      data: {
        me: {
          subject: 'u-123',
          displayName: 'Sam Okafor',
          roles: ['RECONNECT_STAFF', 'RECONNECT_LEAD'],
          organisationCode: 'RC-NW',
          service: { code: 'RC-NW', name: 'RECONNECT North West', region: 'NORTH_WEST' },
        },
      },
    });
  });

  it('does not treat a referrer organisation code as a service', async () => {
    const referrer = await hub.as('REFERRER', { org: 'RC-NW' });
    const { body } = await referrer.query(`{ me { roles organisationCode service { code } } }`);
    expect(body.data).toEqual({ me: { roles: ['REFERRER'], organisationCode: 'RC-NW', service: null } });
  });

  it('answers `me` for a token with no known role, and nothing else', async () => {
    const nobody = await hub.as('JANITOR', { org: 'X' });
    const me = await nobody.query(`{ me { roles } }`);
    expect(me.body.data).toEqual({ me: { roles: [] } });
    const services = await nobody.query(`{ reconnectServices { code } }`);
    expect(services.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each(ALL_ROLES)('lets %s read services, establishments and local authorities', async (role) => {
    const caller = await hub.as(role, { org: 'ANY' });
    const { body } = await caller.query(`{
      reconnectServices { code name region enhancedReconnect }
      establishments { code }
      localAuthorities { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.reconnectServices).toHaveLength(7);
    expect(body.data!.establishments).toHaveLength(reference.establishments().length);
    expect(body.data!.localAuthorities).toHaveLength(reference.localAuthorities().length);
  });

  it('filters services, establishments and local authorities', async () => {
    const caller = await hub.as('REFERRER', { org: 'PROB' });
    const { body } = await caller.query(`{
      reconnectServices(region: SOUTH_WEST) { code enhancedReconnect }
      establishments(region: LONDON, type: IRC) { code name type region localService { code } }
      localAuthorities(region: NORTH_EAST_AND_YORKSHIRE) { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.reconnectServices).toEqual([{ code: 'RC-SW', enhancedReconnect: true }]);
    const ircs = body.data!.establishments as {
      code: string;
      type: string;
      region: string;
      localService: { code: string };
    }[];
    const expected = reference.establishments().filter((e) => e.region === 'LONDON' && e.type === 'IRC');
    expect(ircs.map((e) => e.code).sort()).toEqual(expected.map((e) => e.code).sort());
    expect(ircs.length).toBeGreaterThan(0);
    expect(
      ircs.every((e) => e.type === 'IRC' && e.region === 'LONDON' && e.localService.code === 'RC-LDN'),
    ).toBe(true);
    expect((body.data!.localAuthorities as unknown[]).length).toBe(
      reference.localAuthorities().filter((la) => la.region === 'NORTH_EAST_AND_YORKSHIRE').length,
    );
  });

  it('links establishments, local authorities and services both ways', async () => {
    const caller = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { body } = await caller.query(`{
      establishment(code: "mri") { code name type region localService { code } }
      reconnectService(code: "RC-NEY") { code establishments { code } localAuthorities { code receivingService { code } } }
      haverigg: establishment(code: "HVI") { region localService { code } }
      unknown: establishment(code: "ZZZ") { code }
      nobody: reconnectService(code: "RC-XX") { code }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.establishment).toEqual({
      code: 'MRI',
      name: expect.stringContaining('Manchester'),
      type: 'PRISON',
      region: 'NORTH_WEST',
      localService: { code: 'RC-NW' },
    });
    const ney = body.data!.reconnectService as {
      establishments: { code: string }[];
      localAuthorities: { code: string; receivingService: { code: string } }[];
    };
    expect(ney.establishments.map((e) => e.code)).toContain('HVI'); // Haverigg: NHS region differs from ONS (SOURCES.md)
    expect(ney.localAuthorities.map((la) => la.code)).toContain('E08000038'); // Barnsley, 2025 code
    expect(ney.localAuthorities.every((la) => la.receivingService.code === 'RC-NEY')).toBe(true);
    expect(body.data!.haverigg).toEqual({
      region: 'NORTH_EAST_AND_YORKSHIRE',
      localService: { code: 'RC-NEY' },
    });
    expect(body.data!.unknown).toBeNull();
    expect(body.data!.nobody).toBeNull();
  });

  it('shows staff lists to the service’s own staff and admins only', async () => {
    const query = `{ reconnectService(code: "RC-NW") { code staff { id name role active service { code } } all: staff(activeOnly: false) { name active } } }`;
    const own = await (await hub.as('RECONNECT_STAFF', { org: 'RC-NW' })).query(query);
    expect(own.body.errors).toBeUndefined();
    const service = own.body.data!.reconnectService as {
      staff: { role: string; active: boolean; service: { code: string } }[];
      all: { active: boolean }[];
    };
    expect(service.staff.length).toBeGreaterThanOrEqual(5);
    expect(service.staff.every((s) => s.active && s.service.code === 'RC-NW')).toBe(true);
    expect(new Set(service.staff.map((s) => s.role))).toEqual(
      new Set(['TEAM_LEAD', 'RECONNECT_WORKER', 'PEER_SUPPORT_WORKER']),
    );
    expect(service.all.some((s) => !s.active)).toBe(true);

    const admin = await (await hub.as('RECONNECT_ADMIN', { org: 'NHSE-IG' })).query(query);
    expect(admin.body.errors).toBeUndefined();

    for (const [role, org] of [
      ['RECONNECT_STAFF', 'RC-SW'],
      ['REFERRER', 'RC-NW'],
      ['ER_PARTNER', 'ERP-NW-MH'],
      ['COMMISSIONER', 'NHSE'],
    ] as const) {
      const { body } = await (await hub.as(role, { org })).query(query);
      // `staff` is non-null in the contract, so its denial nulls the nearest nullable parent.
      expect(body.data, `${role} ${org}`).toEqual({ reconnectService: null });
      expect(body.errors!.map((e) => e.extensions!.code)).toContain('FORBIDDEN');
      expect(
        body.errors!.every(
          (e) =>
            e.extensions!.code === 'FORBIDDEN' &&
            e.path![1] !== undefined &&
            ['staff', 'all'].includes(String(e.path![1])),
        ),
      ).toBe(true);
    }
  });
});
