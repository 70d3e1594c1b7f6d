/**
 * Callers never share a subgraph answer, on either engine. The caseload query names no caller
 * (`referrals(first: 50)`): identical text from staff of two services must still reach the
 * referral subgraph as two fetches, each with its own caller's token, and each caller must get only
 * its own service's referrals. Hive Gateway's HTTP executor shares one in-flight fetch among
 * identical queries unless told not to (gateway/src/hive.ts); this test failed before it was.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '@reconnect/auth';
import { createLogger } from '@reconnect/graph';
import { seedDemoData } from '@reconnect/hub';
import { TEST_AUDIENCE, TEST_ISSUER, rawRows, startTestHub, type TestHub } from '@reconnect/hub/testing';
import { SUPERGRAPH_FILE, createGateway, type GatewayOptions } from '../src/index.ts';
import { createHiveGateway } from '../src/hive.ts';
import { hivePlanner } from './hive-planner.ts';

const CASELOAD = `{ referrals(first: 100) { nodes { id owningService { code } person { givenName } } } }`;
const SERVICES = ['RC-NW', 'RC-LDN', 'RC-MID', 'RC-SE'];
const ROUNDS = 5;

let hub: TestHub;
const engines: { name: string; url: string; stop(): Promise<void> }[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  hub.clock.set('2026-11-25T10:00:00Z');
  await seedDemoData(hub.database.handle.db, hub.clock);
  const options: GatewayOptions = {
    supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: hub.subgraphUrls,
    verify: createJwtVerifier({ jwks: hub.jwks, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }),
    internalSecret: hub.internalSecret,
    logger: createLogger('silent', 'isolation-test'),
    environment: 'test',
    subgraphTimeoutMs: 10_000,
  };
  const hive = createHiveGateway({ ...options, planner: hivePlanner.current });
  const apollo = createGateway(options);
  engines.push({ name: 'hive', url: (await hive.listen(0, '127.0.0.1')).url, stop: () => hive.stop() });
  engines.push({ name: 'apollo', url: (await apollo.listen(0, '127.0.0.1')).url, stop: () => apollo.stop() });
}, 120_000);

afterAll(async () => {
  for (const engine of engines) await engine.stop();
  await hub?.stop();
});

describe.each(['hive', 'apollo'])('%s: the same query from staff of four services at once', (name) => {
  it('gives each caller its own caseload, every round', async () => {
    const url = engines.find((e) => e.name === name)!.url;
    const tokens = await Promise.all(SERVICES.map((org) => hub.token('RECONNECT_STAFF', { org })));
    const owned = new Map<string, Set<string>>();
    for (const org of SERVICES) {
      const rows = await rawRows<{ id: string }>(
        hub.database.handle.db,
        `select referral_id as id from access.grants
         where organisation_code = '${org}' and referral_id is not null
           and valid_from <= now() and (valid_until is null or valid_until > now())`,
      );
      owned.set(org, new Set(rows.map((r) => r.id)));
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const answers = await Promise.all(
        tokens.map(async (token) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: CASELOAD }),
          });
          return (await response.json()) as {
            data?: { referrals: { nodes: { id: string }[] } };
            errors?: unknown[];
          };
        }),
      );
      answers.forEach((answer, i) => {
        const org = SERVICES[i]!;
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        const ids = answer.data!.referrals.nodes.map((n) => n.id);
        const foreign = ids.filter((id) => !owned.get(org)!.has(id));
        expect(foreign, `${org} was given referrals it has no grant on`).toEqual([]);
      });
      // The four caseloads differ: nobody got another's answer.
      const distinct = new Set(answers.map((a) => JSON.stringify(a.data)));
      expect(distinct.size).toBe(SERVICES.length);
    }
  });
});
