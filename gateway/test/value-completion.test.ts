/**
 * A record the caller may not see is answered exactly as one that does not exist, by both
 * federation engines (issue 24, item 7; docs/RELIABILITY.md, "Trust: the smaller holes").
 *
 * The attack: a member of staff reads the identity conflicts of a person on their own caseload and
 * asks for a non-null field of each conflict's referral. The referral that found one conflict is
 * another service's: the person subgraph names it, the referral subgraph's `_entities` answers null
 * for this caller, and @apollo/gateway's value completion then reported "Cannot return null for
 * non-nullable field Referral.reference." at that path in `extensions.valueCompletion`, which error
 * masking never saw. A conflict with no referral gave a bare null, so the extension told the caller
 * that a hidden referral exists. (Hive Gateway with its own planner reported the same as an
 * INTERNAL_SERVER_ERROR, logged at ERROR.) Now: the same null, no error and no top-level extensions
 * through the Apollo gateway, Hive Gateway and Hive Router's planner.
 */
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import {
  TEST_AUDIENCE,
  TEST_ISSUER,
  postGraphql,
  seedGrant,
  seedIdentityConflict,
  seedPerson,
  seedReferral,
  startTestHub,
  type TestHub,
} from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE } from '../src/index.ts';
import { createHiveGateway, type HiveGateway } from '../src/hive.ts';

/** Every log line of the hub and the Hive gateways, parsed. */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n'))
      if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

let hub: TestHub;
const hives: HiveGateway[] = [];
/** The engines, by name: the Apollo gateway of the hub, Hive Gateway with each query planner. */
const ENGINES = ['apollo', 'hive', 'hive-router'] as const;
const urls: Partial<Record<(typeof ENGINES)[number], string>> = {};
let staff: string;
let personId: string;
/** The conflicts of the person: their referral is another service's, none, or the caller's own. */
const conflict = { hidden: '', none: '', visible: '' };
let visibleReference: string;

beforeAll(async () => {
  const logger = createLogger('debug', 'value-completion-test', sink);
  hub = await startTestHub({ logger });
  const db = hub.database.handle.db;
  const person = await seedPerson(db);
  const other = await seedPerson(db);
  personId = person.id;
  const own = await seedReferral(db, { personId: person.id });
  const elsewhere = await seedReferral(db, { personId: other.id, owningServiceCode: 'RC-MID' });
  await seedGrant(db, {
    organisationCode: 'RC-NW',
    relationship: 'OWNING_SERVICE',
    personId: person.id,
    referralId: own.id,
  });
  await seedGrant(db, {
    organisationCode: 'RC-MID',
    relationship: 'OWNING_SERVICE',
    personId: other.id,
    referralId: elsewhere.id,
  });
  visibleReference = own.reference;
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));
  conflict.hidden = (
    await seedIdentityConflict(db, {
      personId: person.id,
      otherPersonId: other.id,
      referralId: elsewhere.id,
      recordedAt: at(1),
    })
  ).id;
  conflict.none = (
    await seedIdentityConflict(db, {
      personId: person.id,
      otherPersonId: other.id,
      referralId: null,
      recordedAt: at(2),
      identifierKind: 'CRN',
    })
  ).id;
  conflict.visible = (
    await seedIdentityConflict(db, {
      personId: person.id,
      otherPersonId: other.id,
      referralId: own.id,
      recordedAt: at(3),
      identifierKind: 'PNC_ID',
    })
  ).id;
  staff = await hub.token('RECONNECT_STAFF', { org: 'RC-NW' });

  urls.apollo = hub.gatewayUrl;
  for (const planner of ['tools', 'router'] as const) {
    const hive = createHiveGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: hub.subgraphUrls,
      verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
      internalSecret: hub.internalSecret,
      logger,
      environment: 'test',
      subgraphTimeoutMs: 10_000,
      planner,
    });
    hives.push(hive);
    urls[planner === 'tools' ? 'hive' : 'hive-router'] = (await hive.listen(0, '127.0.0.1')).url;
  }
});

afterAll(async () => {
  for (const hive of hives) await hive.stop();
  await hub?.stop();
});

const CONFLICTS = /* GraphQL */ `
  query Conflicts($id: ID!) {
    person(id: $id) {
      id
      identityConflicts {
        id
        referral {
          reference
          status
        }
      }
    }
  }
`;

interface Answer {
  status: number;
  requestId: string | null;
  body: Record<string, unknown> & {
    data?: { person: { identityConflicts: { id: string; referral: unknown }[] } | null } | null;
    errors?: { path?: unknown; extensions?: Record<string, unknown> }[];
  };
}

async function ask(url: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await postGraphql(url, query, variables, { token: staff });
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    body: response.body as Answer['body'],
  };
}

describe.each(ENGINES)('through %s', (engine) => {
  const urlOf = () => urls[engine]!;

  it('answers the referral of a conflict that another service holds exactly as a conflict with no referral', async () => {
    const answer = await ask(urlOf(), CONFLICTS, { id: personId });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['data']); // no errors, no extensions
    const byId = new Map(answer.body.data!.person!.identityConflicts.map((c) => [c.id, c.referral]));
    expect(byId.get(conflict.hidden)).toBeNull();
    expect(byId.get(conflict.none)).toBeNull();
    // The query does reach the referral subgraph: the caller's own referral is answered.
    expect(byId.get(conflict.visible)).toEqual({ reference: visibleReference, status: 'SUBMITTED' });
    expect(JSON.stringify(answer.body)).not.toMatch(/valueCompletion|non-nullable|Referral\.reference/);

    // Not an error of the hub's: nothing at ERROR under this request; what was dropped is at DEBUG
    // (Hive Router's planner answers the null without any error to drop).
    const ofRequest = lines.filter((l) => l.requestId === answer.requestId);
    expect(ofRequest.filter((l) => (l.level as number) >= 50)).toEqual([]);
    // The person subgraph no longer names a referral the caller cannot read (issue 24 item 2,
    // docs/RELIABILITY.md section 14), so no engine has a null to complete and nothing to drop.
    expect(ofRequest.some((l) => l.msg === 'response extensions dropped')).toBe(false);
  });

  it("does not hand the caller the id of another service's referral through a conflict", async () => {
    const answer = await ask(
      urlOf(),
      /* GraphQL */ `
        query ConflictReferralIds($id: ID!) {
          person(id: $id) {
            identityConflicts {
              id
              referral {
                id
              }
            }
          }
        }
      `,
      { id: personId },
    );
    expect(Object.keys(answer.body).sort()).toEqual(['data']);
    const byId = new Map(
      (answer.body.data!.person!.identityConflicts as { id: string; referral: { id: string } | null }[]).map(
        (c) => [c.id, c.referral],
      ),
    );
    expect(byId.get(conflict.hidden)).toBeNull();
    expect(byId.get(conflict.visible)).toEqual({ id: expect.any(String) });
  });

  it('passes only the extensions AUTH.md names on a subgraph error (no serviceName)', async () => {
    const answer = await ask(
      urlOf(),
      /* GraphQL */ `
        query Forbidden($id: ID!) {
          person(id: $id) {
            accessLog {
              nodes {
                id
              }
            }
          }
        }
      `,
      { id: personId },
    );
    const errors = answer.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(Object.keys(error.extensions ?? {}).sort()).toEqual(['code', 'requestId']);
    }
    expect(answer.body.extensions).toBeUndefined();
  });
});
