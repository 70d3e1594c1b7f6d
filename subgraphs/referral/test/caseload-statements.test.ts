/**
 * N+1 freedom of the caseload: a page of 100 referrals, with the person's name, the establishment,
 * the owning service, the named worker and contact compliance (data from all four subgraphs and
 * from the grants every field rule asks about), costs the same number of SQL statements as a page
 * of 10. The counter sees every statement of every subgraph in the process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGrant, seedPerson, seedReferral, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { contacts } from '../src/db/schema.ts';

const PAGE = /* GraphQL */ `
  query ($first: Int) {
    referrals(first: $first) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        reference
        status
        person {
          givenName
          familyName
        }
        custody {
          establishment {
            name
          }
        }
        owningService {
          name
        }
        namedWorker {
          name
        }
        preReleaseContacts {
          count
          met
        }
      }
    }
  }
`;

interface PageData {
  referrals: {
    totalCount: number;
    nodes: {
      id: string;
      person: { givenName: string; familyName: string } | null;
      custody: { establishment: { name: string } };
      owningService: { name: string };
      namedWorker: { name: string } | null;
      preReleaseContacts: { count: number; met: boolean };
    }[];
  };
}

describe('caseload statements', () => {
  let hub: TestHub;
  const ESTABLISHMENTS = ['MRI', 'LPI', 'FBI', 'HII', 'PNI', 'STI', 'RSI', 'WMI'];

  beforeAll(async () => {
    hub = await startTestHub();
    const db = hub.database.handle.db;
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    const { body } = await staff.query<{ reconnectService: { staff: { id: string; role: string }[] } }>(
      `{ reconnectService(code: "RC-NW") { staff { id role } } }`,
    );
    const workers = body.data!.reconnectService.staff.filter(
      (s) => s.role === 'RECONNECT_WORKER' || s.role === 'TEAM_LEAD',
    );
    expect(workers.length).toBeGreaterThan(1);
    for (let i = 0; i < 120; i += 1) {
      const person = await seedPerson(db, {
        givenName: `Given${i}`,
        familyName: `Family${i}`,
        // seedPerson draws NHS numbers from a million: 120 people would collide now and then.
        nhsNumber: null,
      });
      const referral = await seedReferral(db, {
        personId: person.id,
        status: i % 3 === 0 ? 'SUBMITTED' : 'PRE_RELEASE',
        establishmentCode: ESTABLISHMENTS[i % ESTABLISHMENTS.length]!,
        namedWorkerId: i % 3 === 0 ? null : workers[i % workers.length]!.id,
        submittedAt: new Date(Date.now() - i * 60_000),
      });
      await seedGrant(db, {
        organisationCode: 'RC-NW',
        relationship: 'OWNING_SERVICE',
        personId: person.id,
        referralId: referral.id,
      });
      for (let c = 0; c < i % 4; c += 1) {
        await db.insert(contacts).values({
          referralId: referral.id,
          occurredAt: new Date(Date.now() - (i * 60 + c) * 60_000),
          mode: c === 0 ? 'FACE_TO_FACE' : 'TELEPHONE',
          purpose: 'ASSESSMENT',
          recordedAt: new Date(),
          recordedBy: 'test',
        });
      }
    }
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('costs the same for 100 referrals as for 10', async () => {
    const staff = await hub.as('RECONNECT_STAFF', { org: 'RC-NW' });
    // Warm up once: the first request builds the gateway's query plan.
    await staff.query(PAGE, { first: 1 });
    const measure = async (first: number) => {
      const { result, statements } = await hub.database.handle.statements.measure(() =>
        staff.query<PageData>(PAGE, { first }),
      );
      expect(result.body.errors).toBeUndefined();
      return { page: result.body.data!.referrals, statements };
    };
    const ten = await measure(10);
    const hundred = await measure(100);
    expect(ten.page.nodes).toHaveLength(10);
    expect(hundred.page.nodes).toHaveLength(100);
    expect(hundred.page.totalCount).toBe(120);
    // The data really came from every subgraph.
    for (const node of hundred.page.nodes) {
      expect(node.person?.givenName).toMatch(/^Given\d+$/);
      expect(node.custody.establishment.name).toBeTruthy();
      expect(node.owningService.name).toBe('RECONNECT North West');
      expect(typeof node.preReleaseContacts.met).toBe('boolean');
    }
    expect(hundred.page.nodes.filter((n) => n.namedWorker?.name).length).toBeGreaterThan(50);
    expect(hundred.page.nodes.some((n) => n.preReleaseContacts.met)).toBe(true);
    console.log(
      `caseload page: ${ten.statements.length} statements for 10 referrals, ${hundred.statements.length} for 100`,
    );
    if (process.env.SHOW_STATEMENTS || hundred.statements.length !== ten.statements.length) {
      console.log(hundred.statements.join('\n---\n'));
    }
    expect(hundred.statements.length).toBe(ten.statements.length);
  });
});
