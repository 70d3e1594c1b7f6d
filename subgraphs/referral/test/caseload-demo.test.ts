/**
 * The demo caseload `pnpm start` seeds: idempotent, and a working system for a new user: every
 * service has a caseload, RECONNECT North West's holds every status, and the demo covers every
 * source, consent, workers, contacts, engagements, discharge-overdue cases and a duplicate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@reconnect/db';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { seedDemoData } from '../../../hub/src/index.ts';
import { DEMO_SERVICE_CODES } from '../src/seed/index.ts';

const CASELOAD = /* GraphQL */ `
  query ($after: String) {
    referrals(first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        reference
        status
        source
        referrer {
          organisationCode
          name
        }
        person {
          id
          givenName
          familyName
          healthNeeds {
            category
          }
        }
        custody {
          type
          establishment {
            name
          }
          expectedReleaseDate
          releasedOn
        }
        consent {
          decision
        }
        namedWorker {
          name
        }
        peerSupportWorker {
          name
        }
        receivingService {
          code
        }
        preReleaseContacts {
          count
          met
        }
        engagements {
          outcome
        }
        supportWindow {
          dischargeOverdue
          extendedUntil
        }
        decline {
          reason
        }
        duplicateOf {
          id
        }
        history {
          type
          fromStatus
          toStatus
        }
        availableActions
      }
    }
  }
`;

interface Node {
  id: string;
  status: string;
  source: string;
  referrer: { organisationCode: string; name: string };
  person: { id: string; givenName: string; familyName: string; healthNeeds: { category: string }[] } | null;
  custody: { type: string; establishment: { name: string } | null };
  consent: { decision: string } | null;
  namedWorker: { name: string } | null;
  peerSupportWorker: { name: string } | null;
  receivingService: { code: string } | null;
  preReleaseContacts: { count: number; met: boolean };
  engagements: { outcome: string }[];
  supportWindow: { dischargeOverdue: boolean; extendedUntil: string | null };
  decline: { reason: string } | null;
  duplicateOf: { id: string } | null;
  history: { type: string; fromStatus: string | null; toStatus: string | null }[];
}

describe('the demo caseload', () => {
  let hub: TestHub;
  const caseloads = new Map<string, Node[]>();

  async function counts() {
    const db = hub.database.handle.db;
    const tables = [
      'referral.referrals',
      'referral.referral_events',
      'referral.contacts',
      'referral.engagements',
      'access.grants',
      'person.people',
      'person.health_needs',
    ];
    const out: Record<string, number> = {};
    for (const t of tables) {
      out[t] = Number(
        rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${t}`)))[0]!.n,
      );
    }
    return out;
  }

  beforeAll(async () => {
    hub = await startTestHub();
    await seedDemoData(hub.database.handle.db, hub.clock);
    for (const code of DEMO_SERVICE_CODES) {
      const staff = await hub.as('RECONNECT_STAFF', { org: code });
      const { body } = await staff.query<{ referrals: { nodes: Node[]; totalCount: number } }>(CASELOAD);
      expect(body.errors, code).toBeUndefined();
      expect(body.data!.referrals.totalCount).toBe(body.data!.referrals.nodes.length);
      caseloads.set(code, body.data!.referrals.nodes);
    }
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('changes nothing when seeded again', async () => {
    const before = await counts();
    expect(before['referral.referrals']).toBeGreaterThan(0);
    const again = await seedDemoData(hub.database.handle.db, hub.clock);
    expect(await counts()).toEqual(before);
    expect(again.referrals).toBe(before['referral.referrals']);
  });

  it('gives every service a caseload, and RECONNECT North West every status', () => {
    for (const code of DEMO_SERVICE_CODES) expect(caseloads.get(code)!.length, code).toBeGreaterThan(5);
    const statuses = new Set(caseloads.get('RC-NW')!.map((n) => n.status));
    expect([...statuses].sort()).toEqual([
      'DECLINED',
      'DISCHARGED',
      'POST_RELEASE',
      'PRE_RELEASE',
      'SUBMITTED',
      'WITHDRAWN',
    ]);
  });

  it('shows each service only its own referrals', async () => {
    const all = [...caseloads.values()].flat();
    expect(new Set(all.map((n) => n.id)).size).toBe(all.length);
  });

  it('covers every source, with referrer details, and the referrers see their own referrals', async () => {
    const all = [...caseloads.values()].flat();
    expect(new Set(all.map((n) => n.source))).toEqual(
      new Set([
        'PROBATION',
        'POLICE',
        'LIAISON_AND_DIVERSION',
        'HOME_OFFICE_ENFORCEMENT',
        'PRISON_HEALTHCARE',
        'IRC_HEALTHCARE',
        'SELF',
        'FAMILY_OR_FRIEND',
      ]),
    );
    expect(all.every((n) => n.referrer.name.length > 0)).toBe(true);
    for (const org of ['PROB-NW', 'POL-GMP', 'LD-NW', 'HO-IE', 'HCP-MRI', 'RCF-ONLINE']) {
      const expected = all.filter((n) => n.referrer.organisationCode === org).map((n) => n.id);
      const referrer = await hub.as('REFERRER', { org });
      const { body } = await referrer.query<{ referrals: { nodes: { id: string }[] } }>(
        `{ referrals(first: 100) { nodes { id } } }`,
      );
      expect(body.errors, org).toBeUndefined();
      expect(new Set(body.data!.referrals.nodes.map((n) => n.id)), org).toEqual(new Set(expected));
      expect(expected.length, org).toBeGreaterThan(0);
    }
  });

  it('tells realistic stories: people, workers, consent, contacts, engagements, overdue and duplicates', () => {
    const all = [...caseloads.values()].flat();
    const open = all.filter((n) => ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'].includes(n.status));
    // Every referral resolves its person, establishment and (when accepted) named worker.
    expect(all.every((n) => n.person?.givenName && n.custody.establishment?.name)).toBe(true);
    expect(
      all
        .filter((n) => n.status === 'PRE_RELEASE' || n.status === 'POST_RELEASE')
        .every((n) => n.namedWorker?.name && n.consent?.decision === 'GIVEN'),
    ).toBe(true);
    expect(all.some((n) => n.peerSupportWorker?.name)).toBe(true);
    expect(all.some((n) => n.custody.type === 'IRC')).toBe(true);
    expect(all.some((n) => n.receivingService)).toBe(true);
    // Contacts: some meet the two-contact target, some do not.
    expect(open.some((n) => n.preReleaseContacts.met)).toBe(true);
    expect(open.some((n) => n.preReleaseContacts.count === 1 && !n.preReleaseContacts.met)).toBe(true);
    expect(all.some((n) => n.engagements.some((e) => e.outcome === 'ATTENDED'))).toBe(true);
    // A couple of discharge-overdue cases, and one extension.
    const overdue = all.filter((n) => n.supportWindow.dischargeOverdue);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.every((n) => n.status === 'POST_RELEASE')).toBe(true);
    expect(all.some((n) => n.supportWindow.extendedUntil && !n.supportWindow.dischargeOverdue)).toBe(true);
    // A duplicate, declined, pointing at the open referral whose history records it.
    const duplicates = all.filter((n) => n.decline?.reason === 'DUPLICATE');
    expect(duplicates.length).toBeGreaterThan(0);
    for (const d of duplicates) {
      const original = all.find((n) => n.id === d.duplicateOf?.id);
      expect(original && ['SUBMITTED', 'PRE_RELEASE', 'POST_RELEASE'].includes(original.status)).toBe(true);
      expect(original!.person).toEqual(d.person);
      expect(original!.history.some((h) => h.type === 'referral.duplicate-received')).toBe(true);
    }
    // Every referral has a history starting with its submission; the people have health needs.
    expect(all.every((n) => n.history[0]?.type === 'referral.submitted')).toBe(true);
    // Each change starts from the status the previous one left, and the last leaves today's status.
    for (const n of all) {
      const changes = n.history.filter((h) => h.toStatus !== null);
      changes.forEach((h, i) => expect(h.fromStatus).toBe(i === 0 ? null : changes[i - 1]!.toStatus));
      expect(changes[changes.length - 1]!.toStatus).toBe(n.status);
    }
    expect(all.every((n) => n.person!.healthNeeds.length > 0)).toBe(true);
    // At most one open referral per person.
    const openPeople = open.map((n) => n.person!.id);
    expect(new Set(openPeople).size).toBe(openPeople.length);
  });

  it('puts discharge-overdue cases in the overdue filter', async () => {
    const staff = await hub.as('RECONNECT_LEAD', { org: 'RC-NW' });
    const { body } = await staff.query<{ referrals: { totalCount: number; nodes: { id: string }[] } }>(
      `{ referrals(filter: { dischargeOverdue: true }) { totalCount nodes { id } } }`,
    );
    const expected = caseloads
      .get('RC-NW')!
      .filter((n) => n.supportWindow.dischargeOverdue)
      .map((n) => n.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.data!.referrals.nodes.map((n) => n.id)).toEqual(expected);
  });
});
