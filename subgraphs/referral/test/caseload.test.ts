/**
 * The caseload (`referrals`) through the gateway: who sees which referrals, every filter of
 * ReferralFilter, keyset pagination with an opaque cursor, totalCount and the page-size limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { seedGrant, seedPerson, seedReferral, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { addDays, addMonths } from '@reconnect/config';

/**
 * Bulk-seeded people carry no NHS number: seedPerson draws them from a million numbers, so a few
 * hundred people would collide on the unique index now and then.
 */
const NO_NHS_NUMBER = { nhsNumber: null };

type Status = 'SUBMITTED' | 'PRE_RELEASE' | 'POST_RELEASE' | 'DECLINED' | 'WITHDRAWN' | 'DISCHARGED';

const CASELOAD = /* GraphQL */ `
  query ($filter: ReferralFilter, $first: Int, $after: String) {
    referrals(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        status
        submittedAt
        supportWindow {
          dischargeOverdue
        }
      }
    }
  }
`;

interface Page {
  referrals: {
    totalCount: number;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
    nodes: {
      id: string;
      status: Status;
      submittedAt: string;
      supportWindow: { dischargeOverdue: boolean } | null;
    }[];
  } | null;
}

describe('the caseload', () => {
  let hub: TestHub;
  /** Referrals RC-MID staff may see, by label. */
  const mine = new Map<string, string>();
  /** Referrals RC-MID staff may not see. */
  const notMine = new Map<string, string>();
  const worker = randomUUID();
  /** A fixed mid-month day in the future (the seeded grants are live from the real now). */
  const NOW = '2030-06-15T12:00:00Z';
  const today = '2030-06-15';
  const ms = (days: number) => new Date(new Date(NOW).getTime() + days * 86_400_000);

  async function referral(
    label: string,
    visible: boolean,
    row: Partial<Parameters<typeof seedReferral>[1]>,
    grantsFor: {
      org: string;
      relationship: 'OWNING_SERVICE' | 'RECEIVING_SERVICE' | 'SENDING_SERVICE' | 'REFERRER';
      validUntil?: Date;
      validFrom?: Date;
    }[],
  ) {
    const db = hub.database.handle.db;
    const person = await seedPerson(db, NO_NHS_NUMBER);
    const r = await seedReferral(db, {
      personId: person.id,
      owningServiceCode: 'RC-MID',
      establishmentCode: 'BMI',
      referrerOrganisationCode: 'PROB-MID',
      expectedReleaseDate: addDays(today, 60),
      ...row,
    });
    for (const g of grantsFor) {
      await seedGrant(db, {
        organisationCode: g.org,
        relationship: g.relationship,
        personId: person.id,
        referralId: r.id,
        ...(g.validUntil ? { validUntil: g.validUntil } : {}),
        ...(g.validFrom ? { validFrom: g.validFrom } : {}),
      });
    }
    (visible ? mine : notMine).set(label, r.id);
    return r;
  }

  const staffQuery = async (variables: Record<string, unknown>, org = 'RC-MID', role = 'RECONNECT_STAFF') =>
    (await hub.as(role, { org })).query<Page>(CASELOAD, variables);

  beforeAll(async () => {
    hub = await startTestHub();
    hub.clock.set(NOW);
    const submitted = (daysAgo: number) => ms(-daysAgo);
    const own = [
      { org: 'RC-MID', relationship: 'OWNING_SERVICE' as const },
      { org: 'PROB-MID', relationship: 'REFERRER' as const },
    ];
    await referral(
      'submitted',
      true,
      { status: 'SUBMITTED', submittedAt: submitted(1), expectedReleaseDate: addDays(today, 30) },
      own,
    );
    await referral(
      'pre-release',
      true,
      {
        status: 'PRE_RELEASE',
        submittedAt: submitted(2),
        expectedReleaseDate: addDays(today, 10),
        namedWorkerId: worker,
      },
      own,
    );
    await referral(
      'post-release',
      true,
      {
        status: 'POST_RELEASE',
        submittedAt: submitted(3),
        expectedReleaseDate: null,
        releasedOn: addDays(today, -20),
        namedWorkerId: worker,
      },
      own,
    );
    // Released six months and a day ago, still open: discharge overdue.
    await referral(
      'overdue',
      true,
      {
        status: 'POST_RELEASE',
        submittedAt: submitted(200),
        expectedReleaseDate: null,
        releasedOn: addDays(addMonths(today, -6), -1),
      },
      own,
    );
    // Released exactly six months ago: the last day of support, not overdue yet.
    await referral(
      'last-day',
      true,
      {
        status: 'POST_RELEASE',
        submittedAt: submitted(201),
        expectedReleaseDate: null,
        releasedOn: addMonths(today, -6),
      },
      own,
    );
    // Past six months but extended until tomorrow: not overdue.
    await referral(
      'extended',
      true,
      {
        status: 'POST_RELEASE',
        submittedAt: submitted(202),
        expectedReleaseDate: null,
        releasedOn: addMonths(today, -7),
        supportExtendedUntil: addDays(today, 1),
        extensionReason: 'Awaiting a housing placement.',
      },
      own,
    );
    // Extended until yesterday: overdue again.
    await referral(
      'extension-over',
      true,
      {
        status: 'POST_RELEASE',
        submittedAt: submitted(203),
        expectedReleaseDate: null,
        releasedOn: addMonths(today, -8),
        supportExtendedUntil: addDays(today, -1),
        extensionReason: 'Awaiting a housing placement.',
      },
      own,
    );
    // Closed referrals are never overdue, however old.
    await referral(
      'discharged',
      true,
      {
        status: 'DISCHARGED',
        submittedAt: submitted(300),
        expectedReleaseDate: null,
        releasedOn: addMonths(today, -9),
        dischargeReason: 'NEEDS_MET',
        dischargedAt: submitted(10),
      },
      own,
    );
    await referral(
      'declined',
      true,
      {
        status: 'DECLINED',
        submittedAt: submitted(4),
        declineReason: 'SUPPORTED_ELSEWHERE',
        declinedAt: submitted(4),
      },
      own,
    );
    await referral('withdrawn', true, { status: 'WITHDRAWN', submittedAt: submitted(5) }, [
      { org: 'RC-MID', relationship: 'OWNING_SERVICE' },
      { org: 'POL-WM', relationship: 'REFERRER' },
    ]);
    // Other relationships that open a referral to a service.
    await referral(
      'receiving',
      true,
      {
        status: 'PRE_RELEASE',
        owningServiceCode: 'RC-NW',
        establishmentCode: 'MRI',
        receivingServiceCode: 'RC-MID',
        submittedAt: submitted(6),
      },
      [
        { org: 'RC-NW', relationship: 'OWNING_SERVICE' },
        { org: 'RC-MID', relationship: 'RECEIVING_SERVICE' },
      ],
    );
    await referral(
      'sending',
      true,
      {
        status: 'POST_RELEASE',
        owningServiceCode: 'RC-NW',
        establishmentCode: 'BMI',
        submittedAt: submitted(7),
        expectedReleaseDate: null,
        releasedOn: addDays(today, -5),
      },
      [
        { org: 'RC-NW', relationship: 'OWNING_SERVICE' },
        { org: 'RC-MID', relationship: 'SENDING_SERVICE', validUntil: ms(20) },
      ],
    );
    // Relationships that do not (or no longer) hold.
    await referral(
      'other-service',
      false,
      { owningServiceCode: 'RC-NW', establishmentCode: 'MRI', submittedAt: submitted(0.5) },
      [{ org: 'RC-NW', relationship: 'OWNING_SERVICE' }],
    );
    await referral(
      'sending-expired',
      false,
      {
        owningServiceCode: 'RC-NW',
        establishmentCode: 'BMI',
        status: 'POST_RELEASE',
        submittedAt: submitted(8),
      },
      [
        { org: 'RC-NW', relationship: 'OWNING_SERVICE' },
        { org: 'RC-MID', relationship: 'SENDING_SERVICE', validUntil: ms(-1) },
      ],
    );
    await referral('grant-not-yet', false, { submittedAt: submitted(9) }, [
      { org: 'RC-MID', relationship: 'OWNING_SERVICE', validFrom: ms(1) },
    ]);
    // A row that names RC-MID as owner but carries no grant: the grant, not the column, decides.
    await referral('no-grant', false, { submittedAt: submitted(10) }, []);
    // The referrer relationship does not open a referral to staff of a service with that code.
    await referral('referrer-code', false, { owningServiceCode: 'RC-NW', submittedAt: submitted(11) }, [
      { org: 'RC-MID', relationship: 'REFERRER' },
    ]);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const ids = (page: Page) => new Set(page.referrals!.nodes.map((n) => n.id));
  /** The ids of these labels; `['*']` is every referral RC-MID may see. */
  const labelled = (labels: string[]) =>
    labels[0] === '*' ? new Set(mine.values()) : new Set(labels.map((l) => mine.get(l) ?? notMine.get(l)));

  it('shows staff every referral their service owns, receives or recently sent, and nothing else', async () => {
    for (const role of ['RECONNECT_STAFF', 'RECONNECT_LEAD', 'ROLE_RECONNECT_STAFF']) {
      const { body } = await staffQuery({ first: 100 }, 'RC-MID', role);
      expect(body.errors, role).toBeUndefined();
      expect(ids(body.data!), role).toEqual(new Set(mine.values()));
      expect(body.data!.referrals!.totalCount).toBe(mine.size);
      expect(body.data!.referrals!.pageInfo.hasNextPage).toBe(false);
    }
  });

  it('defaults to the caller’s own service and accepts it named', async () => {
    const { body } = await staffQuery({ filter: { serviceCode: 'RC-MID' }, first: 100 });
    expect(body.errors).toBeUndefined();
    expect(ids(body.data!)).toEqual(new Set(mine.values()));
  });

  it('refuses staff another service’s caseload with FORBIDDEN', async () => {
    const { body } = await staffQuery({ filter: { serviceCode: 'RC-NW' } });
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['referrals', 'FORBIDDEN'],
    ]);
    expect(body.errors?.[0]?.message).toMatch(/own/);
  });

  it('lists a referrer its own referrals only, and refuses it a serviceCode', async () => {
    const referrer = await hub.as('REFERRER', { org: 'PROB-MID' });
    const { body } = await referrer.query<Page>(
      `{ referrals(first: 100) { totalCount nodes { id status } } }`,
    );
    expect(body.errors).toBeUndefined();
    const own = [...mine.keys()].filter((l) => !['withdrawn', 'receiving', 'sending'].includes(l));
    expect(ids(body.data!)).toEqual(labelled(own));
    expect(body.data!.referrals!.totalCount).toBe(own.length);

    const police = await hub.as('REFERRER', { org: 'POL-WM' });
    const p = await police.query<Page>(`{ referrals { totalCount nodes { id } } }`);
    expect(ids(p.body.data!)).toEqual(labelled(['withdrawn']));

    const forbidden = await referrer.query(
      `{ referrals(filter: { serviceCode: "PROB-MID" }) { totalCount } }`,
    );
    expect(forbidden.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['referrals', 'FORBIDDEN'],
    ]);
  });

  it('gives an empty caseload to staff and referrers with no relationships', async () => {
    for (const [role, org] of [
      ['RECONNECT_STAFF', 'RC-SW'],
      ['REFERRER', 'HOIE'],
      ['RECONNECT_STAFF', undefined],
    ] as const) {
      const caller = await hub.as(role, org ? { org } : {});
      const { body } = await caller.query<Page>(
        `{ referrals { totalCount pageInfo { endCursor hasNextPage } nodes { id } } }`,
      );
      expect(body.errors, `${role} ${org}`).toBeUndefined();
      expect(body.data!.referrals).toEqual({
        totalCount: 0,
        pageInfo: { endCursor: null, hasNextPage: false },
        nodes: [],
      });
    }
  });

  it.each([
    ['ER_PARTNER', 'ERP-NW-MH'],
    ['COMMISSIONER', 'NHSE'],
    ['RECONNECT_ADMIN', 'NHSE'],
    [[], 'RC-MID'],
  ] as const)('refuses %s a caseload with FORBIDDEN', async (role, org) => {
    const caller = await hub.as(role as never, { org });
    const { body } = await caller.query(`{ referrals { totalCount nodes { id } } }`);
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
      ['referrals', 'FORBIDDEN'],
    ]);
  });

  describe('filters', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['one status', { status: ['SUBMITTED'] }, ['submitted']],
      [
        'several statuses',
        { status: ['DECLINED', 'WITHDRAWN', 'DISCHARGED'] },
        ['declined', 'withdrawn', 'discharged'],
      ],
      ['an empty status list (every status)', { status: [] }, ['*']],
      ['the named worker', { namedWorkerId: worker }, ['pre-release', 'post-release']],
      ['the named worker and a status', { namedWorkerId: worker, status: ['PRE_RELEASE'] }, ['pre-release']],
      ['a worker with no cases', { namedWorkerId: randomUUID() }, []],
      ['discharge overdue', { dischargeOverdue: true }, ['overdue', 'extension-over']],
      ['assigned (a named worker)', { unassigned: false }, ['pre-release', 'post-release']],
      ['assigned, and a status', { unassigned: false, status: ['POST_RELEASE'] }, ['post-release']],
    ])('by %s', async (_label, filter, expected) => {
      const { body } = await staffQuery({ filter, first: 100 });
      expect(body.errors).toBeUndefined();
      expect(ids(body.data!)).toEqual(labelled(expected));
      expect(body.data!.referrals!.totalCount).toBe(labelled(expected).size);
    });

    it('by not discharge overdue: everything else', async () => {
      const { body } = await staffQuery({ filter: { dischargeOverdue: false }, first: 100 });
      expect(ids(body.data!)).toEqual(
        labelled([...mine.keys()].filter((l) => l !== 'overdue' && l !== 'extension-over')),
      );
    });

    it('by unassigned: everything without a named worker', async () => {
      const { body } = await staffQuery({ filter: { unassigned: true }, first: 100 });
      expect(body.errors).toBeUndefined();
      const expected = labelled([...mine.keys()].filter((l) => l !== 'pre-release' && l !== 'post-release'));
      expect(ids(body.data!)).toEqual(expected);
      expect(body.data!.referrals!.totalCount).toBe(expected.size);
    });

    it('agrees with supportWindow.dischargeOverdue on every referral', async () => {
      const { body } = await staffQuery({ first: 100 });
      for (const overdue of [true, false]) {
        const filtered = await staffQuery({ filter: { dischargeOverdue: overdue }, first: 100 });
        const expected = body
          .data!.referrals!.nodes.filter((n) => n.supportWindow!.dischargeOverdue === overdue)
          .map((n) => n.id);
        expect(ids(filtered.body.data!)).toEqual(new Set(expected));
      }
    });

    it('by release date: the actual one, else the expected one, both ends inclusive', async () => {
      const window = { releaseFrom: addDays(today, -20), releaseTo: addDays(today, 10) };
      const { body } = await staffQuery({ filter: window, first: 100 });
      expect(ids(body.data!)).toEqual(labelled(['pre-release', 'post-release', 'sending']));
      const from = await staffQuery({ filter: { releaseFrom: addDays(today, 11) }, first: 100 });
      expect(ids(from.body.data!)).toEqual(labelled(['submitted', 'declined', 'withdrawn', 'receiving']));
      const to = await staffQuery({
        filter: { releaseTo: addDays(today, -20), status: ['POST_RELEASE'] },
        first: 100,
      });
      expect(ids(to.body.data!)).toEqual(
        labelled(['post-release', 'overdue', 'last-day', 'extended', 'extension-over']),
      );
    });

    it('refuses releaseFrom after releaseTo with BAD_USER_INPUT on filter.releaseTo', async () => {
      const { body } = await staffQuery({ filter: { releaseFrom: '2027-02-01', releaseTo: '2027-01-31' } });
      expect(body.data).toBeNull();
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'filter.releaseTo'],
      ]);
    });

    it('by NHS number (issue 17): the caller’s own referrals of that person, nothing more', async () => {
      const db = hub.database.handle.db;
      const person = await seedPerson(db, {});
      const seeded = async (org: string, relationship: 'OWNING_SERVICE' | 'REFERRER') => {
        const r = await seedReferral(db, {
          personId: person.id,
          owningServiceCode: 'RC-LDN',
          establishmentCode: 'BXI',
          referrerOrganisationCode: 'PROB-LDN',
          expectedReleaseDate: addDays(today, 60),
          submittedAt: ms(-1),
        });
        await seedGrant(db, { organisationCode: org, relationship, personId: person.id, referralId: r.id });
        return r.id;
      };
      const service = await seeded('RC-LDN', 'OWNING_SERVICE');
      const referrer = await seeded('PROB-LDN', 'REFERRER');
      const spaced = `${person.nhsNumber!.slice(0, 3)} ${person.nhsNumber!.slice(3, 6)} ${person.nhsNumber!.slice(6)}`;
      const byStaff = await staffQuery({ filter: { nhsNumber: spaced } }, 'RC-LDN');
      expect(byStaff.body.errors).toBeUndefined();
      expect(ids(byStaff.body.data!)).toEqual(new Set([service]));
      expect(byStaff.body.data!.referrals!.totalCount).toBe(1);
      // A referrer reads no supportWindow: its own query.
      const byReferrer = await (
        await hub.as('REFERRER', { org: 'PROB-LDN' })
      ).query<Page>('query ($f: ReferralFilter) { referrals(filter: $f) { nodes { id } } }', {
        f: { nhsNumber: person.nhsNumber },
      });
      expect(ids(byReferrer.body.data!)).toEqual(new Set([referrer]));
      const unknown = await staffQuery({ filter: { nhsNumber: '9434765919' } }, 'RC-LDN');
      expect(ids(unknown.body.data!)).toEqual(new Set());
      const bad = await staffQuery({ filter: { nhsNumber: '9434765918' } }, 'RC-LDN');
      expect(bad.body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'filter.nhsNumber'],
      ]);
    });

    it('refuses a named worker id that is not an id', async () => {
      const { body } = await staffQuery({ filter: { namedWorkerId: "x' OR 1=1 --" } });
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'filter.namedWorkerId'],
      ]);
    });

    it('keeps month ends: released 31 August, support ends on the last day of February', async () => {
      // On a clock in the future (so the seeded grants are live): 2030-08-31 + 6 months = 2031-02-28.
      const db = hub.database.handle.db;
      const person = await seedPerson(db, NO_NHS_NUMBER);
      const r = await seedReferral(db, {
        personId: person.id,
        owningServiceCode: 'RC-EOE',
        establishmentCode: 'NWI',
        status: 'POST_RELEASE',
        expectedReleaseDate: null,
        releasedOn: '2030-08-31',
      });
      await seedGrant(db, {
        organisationCode: 'RC-EOE',
        relationship: 'OWNING_SERVICE',
        personId: person.id,
        referralId: r.id,
      });
      try {
        for (const [day, overdue] of [
          ['2031-02-28', false],
          ['2031-03-01', true],
        ] as const) {
          hub.clock.set(`${day}T12:00:00Z`);
          const { body } = await staffQuery({ filter: { dischargeOverdue: true } }, 'RC-EOE');
          expect(ids(body.data!).has(r.id), day).toBe(overdue);
          const single = await (
            await hub.as('RECONNECT_STAFF', { org: 'RC-EOE' })
          ).query<{ referral: { supportWindow: { endsOn: string; dischargeOverdue: boolean } } }>(
            `query ($id: ID!) { referral(id: $id) { supportWindow { endsOn dischargeOverdue } } }`,
            { id: r.id },
          );
          expect(single.body.data!.referral.supportWindow).toEqual({
            endsOn: '2031-02-28',
            dischargeOverdue: overdue,
          });
        }
      } finally {
        hub.clock.set(NOW);
      }
    });
  });

  describe('pagination', () => {
    it('walks the caseload newest first, page by page, without gaps or repeats', async () => {
      const { body: all } = await staffQuery({ first: 100 });
      const expected = all.data!.referrals!.nodes;
      // Newest first, ties broken by id (descending).
      const sorted = [...expected].sort((a, b) =>
        a.submittedAt === b.submittedAt ? (a.id < b.id ? 1 : -1) : a.submittedAt < b.submittedAt ? 1 : -1,
      );
      expect(expected.map((n) => n.id)).toEqual(sorted.map((n) => n.id));

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { body }: { body: { data?: Page | null } } = await staffQuery({ first: 4, after });
        const page = body.data!.referrals!;
        expect(page.totalCount).toBe(expected.length);
        seen.push(...page.nodes.map((n) => n.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        expect(after).toBeTruthy();
      }
      expect(pages).toBe(Math.ceil(expected.length / 4));
      expect(seen).toEqual(expected.map((n) => n.id));
    });

    it('keeps order across referrals submitted in the same microsecond, and sub-millisecond apart', async () => {
      const db = hub.database.handle.db;
      const at = new Date('2030-01-01T09:00:00.000Z');
      const made: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const person = await seedPerson(db, NO_NHS_NUMBER);
        const r = await seedReferral(db, {
          personId: person.id,
          owningServiceCode: 'RC-SE',
          establishmentCode: 'LWI',
          submittedAt: at,
        });
        await seedGrant(db, {
          organisationCode: 'RC-SE',
          relationship: 'OWNING_SERVICE',
          personId: person.id,
          referralId: r.id,
        });
        made.push(r.id);
      }
      // Two more a few microseconds after the others (JavaScript dates cannot hold these).
      const { sql } = await import('drizzle-orm');
      for (const micro of ['000003', '000007']) {
        const person = await seedPerson(db, NO_NHS_NUMBER);
        const r = await seedReferral(db, {
          personId: person.id,
          owningServiceCode: 'RC-SE',
          establishmentCode: 'LWI',
          submittedAt: at,
        });
        await db.execute(
          sql`update referral.referrals set submitted_at = ${`2030-01-01T09:00:00.${micro}Z`}::timestamptz where id = ${r.id}`,
        );
        await seedGrant(db, {
          organisationCode: 'RC-SE',
          relationship: 'OWNING_SERVICE',
          personId: person.id,
          referralId: r.id,
        });
        made.push(r.id);
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { body }: { body: { data?: Page | null; errors?: unknown } } = await staffQuery(
          { first: 2, after },
          'RC-SE',
        );
        expect(body.errors).toBeUndefined();
        seen.push(...body.data!.referrals!.nodes.map((n) => n.id));
        if (!body.data!.referrals!.pageInfo.hasNextPage) break;
        after = body.data!.referrals!.pageInfo.endCursor;
      }
      const expected = [made[6]!, made[5]!, ...made.slice(0, 5).sort().reverse()];
      expect(seen).toEqual(expected);
    });

    it('defaults to 50 a page and allows up to 100', async () => {
      const db = hub.database.handle.db;
      for (let i = 0; i < 101; i += 1) {
        const person = await seedPerson(db, NO_NHS_NUMBER);
        const r = await seedReferral(db, {
          personId: person.id,
          owningServiceCode: 'RC-SW',
          establishmentCode: 'BLI',
          submittedAt: new Date(Date.now() - i * 60_000),
        });
        await seedGrant(db, {
          organisationCode: 'RC-SW',
          relationship: 'OWNING_SERVICE',
          personId: person.id,
          referralId: r.id,
        });
      }
      const caller = await hub.as('RECONNECT_STAFF', { org: 'RC-SW' });
      const byDefault = await caller.query<Page>(
        `{ referrals { totalCount pageInfo { hasNextPage } nodes { id } } }`,
      );
      expect(byDefault.body.data!.referrals!.nodes).toHaveLength(50);
      expect(byDefault.body.data!.referrals!.totalCount).toBe(101);
      const max = await caller.query<Page>(
        `{ referrals(first: 100) { pageInfo { hasNextPage endCursor } nodes { id } } }`,
      );
      expect(max.body.data!.referrals!.nodes).toHaveLength(100);
      expect(max.body.data!.referrals!.pageInfo.hasNextPage).toBe(true);
      const rest = await caller.query<Page>(
        `query ($after: String) { referrals(first: 100, after: $after) { pageInfo { hasNextPage } nodes { id } } }`,
        {
          after: max.body.data!.referrals!.pageInfo.endCursor,
        },
      );
      expect(rest.body.data!.referrals!.nodes).toHaveLength(1);
      expect(rest.body.data!.referrals!.pageInfo.hasNextPage).toBe(false);
      const none = await caller.query<Page>(
        `{ referrals(first: 0) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
      );
      expect(none.body.data!.referrals).toEqual({
        totalCount: 101,
        pageInfo: { hasNextPage: true, endCursor: null },
        nodes: [],
      });
    });

    it.each([[-1], [101], [1000]])('refuses first: %i with BAD_USER_INPUT on first', async (first) => {
      const { body } = await staffQuery({ first });
      expect(body.data).toBeNull();
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'first'],
      ]);
    });

    it.each([
      ['not base64', '!!!'],
      ['base64 of something else', Buffer.from('hello').toString('base64url')],
      [
        'a cursor with a bad id',
        Buffer.from('v1|2026-01-01T00:00:00.000000Z|not-a-uuid-at-all-xxxxxxxxxxxxxxxxxx').toString(
          'base64url',
        ),
      ],
      [
        'a cursor with SQL in it',
        Buffer.from("v1|2026-01-01T00:00:00.000000Z|'; drop table x; --").toString('base64url'),
      ],
    ])('refuses %s as a cursor with BAD_USER_INPUT on after', async (_label, after) => {
      const { body } = await staffQuery({ after });
      expect(body.data).toBeNull();
      expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
        ['BAD_USER_INPUT', 'after'],
      ]);
    });
  });
});
