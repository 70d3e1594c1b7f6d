/**
 * Behind the gateway (ARCHITECTURE.md, "A request", 2 and 3): each subgraph answers only a request
 * that carries a valid internal token for that subgraph and that request, federation fields
 * included; every field of every subgraph has a rule; and entity references resolve under shield.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INTERNAL_CALLS,
  INTERNAL_ISSUER,
  InternalKeys,
  INTERNAL_TOKEN_HEADER,
  deriveInternalKey,
  requestBodyHash,
  signInternalToken,
  type Principal,
} from '@reconnect/auth';
import { fieldsWithoutRules } from '@reconnect/graph';
import { startTestHub, type TestHub } from '@reconnect/hub/testing';
import { SUBGRAPHS } from '../src/compose.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.stop();
});

const NAMES = SUBGRAPHS.map((s) => s.name);
const principal: Principal = {
  subject: 'worker-1',
  roles: ['RECONNECT_ADMIN', 'RECONNECT_STAFF'],
  organisationCode: 'RC-NW',
};

interface Body {
  query: string;
  variables?: Record<string, unknown>;
}
const SDL: Body = { query: '{ _service { sdl } }' };
const ENTITIES: Body = {
  query: 'query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
  variables: { representations: [{ __typename: 'ReconnectService', code: 'RC-NW' }] },
};

const sign = (audience: string, body: Body, secret = hub.internalSecret) =>
  signInternalToken(
    secret,
    audience,
    { principal, requestId: 'req-subgraph-test', caller: 'gateway' },
    requestBodyHash(body.query, body.variables),
  );

async function post(name: string, body: Body, token: string | undefined) {
  const response = await fetch(hub.subgraphUrls[name]!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token !== undefined ? { [INTERNAL_TOKEN_HEADER]: token } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text) as {
      data?: { _service?: { sdl?: string } } | null;
      errors?: { extensions?: { code?: string } }[];
    },
  };
}

/** A token signed with the subgraph's own key, valid in every way but its times (seconds from now). */
async function timed(audience: string, body: Body, issued: number, expires: number): Promise<string> {
  const at = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: principal.roles,
    org: principal.organisationCode,
    rid: 'req-old',
    bh: requestBodyHash(body.query, body.variables),
    caller: 'gateway',
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(audience)
    .setSubject(principal.subject)
    .setIssuedAt(at + issued)
    .setExpirationTime(at + expires)
    .sign(deriveInternalKey(hub.internalSecret, audience));
}
const YEAR = 365 * 24 * 3600;

type Forger = (name: string, body: Body) => Promise<string | undefined>;
const forgeries: [string, Forger][] = [
  ['no internal token', async () => undefined],
  ['an empty token', async () => ''],
  ['a garbage token', async () => 'garbage.token.here'],
  ['an expired token', (name, body) => timed(name, body, -600, -300)],
  // Issue 24, item 7: the lifetime is enforced where the token is verified, not trusted from `exp`.
  ['a token that lives a year', (name, body) => timed(name, body, 0, YEAR)],
  ['a token that lives 61 seconds', (name, body) => timed(name, body, 0, 61)],
  ['a token issued an hour ago that expires in 30 s', (name, body) => timed(name, body, -3600, 30)],
  ['a token issued in ten minutes', (name, body) => timed(name, body, 600, 660)],
  [
    'a token for another subgraph',
    (name, body) =>
      sign(
        NAMES.find((n) => n !== name)!,
        body,
      ),
  ],
  [
    'a token signed with another secret',
    (name, body) => sign(name, body, randomBytes(32).toString('base64url')),
  ],
  ['a token replayed with another body', (name, body) => sign(name, { query: `${body.query} ` })],
  [
    'a token replayed with other variables',
    (name, body) => sign(name, { ...body, variables: { representations: [] } }),
  ],
];

describe.each(NAMES)('the %s subgraph', (name) => {
  describe.each([
    ['_service { sdl }', SDL],
    ['_entities', ENTITIES],
  ] as const)('asked for %s', (_what, body) => {
    it.each(forgeries)('refuses %s: 401 UNAUTHENTICATED', async (_how, forge) => {
      const response = await post(name, body, await forge(name, body));
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.body.data ?? undefined).toBeUndefined();
      expect(response.text).not.toMatch(/@key|extend schema|__typename/);
    });
  });

  it('answers a correctly signed request', async () => {
    const response = await post(name, SDL, await sign(name, SDL));
    expect(response.status).toBe(200);
    expect(response.body.data?._service?.sdl).toMatch(/type Query|extend schema/);
  });

  it('has a rule for every field (deny by default)', () => {
    const subgraph = hub.subgraphs[name]!;
    expect(fieldsWithoutRules(subgraph.schema, subgraph.permissions)).toEqual([]);
  });
});

describe('entity references resolve under shield (STACK-NOTES regression)', () => {
  async function entities(representations: Record<string, unknown>[], selection: string) {
    const subgraph = hub.subgraphs['regional-service']!;
    const contextValue = await subgraph.createContext({
      principal: { subject: 'r', roles: ['REFERRER'], organisationCode: 'PROB-NW' },
      requestId: 'req-entities',
    });
    const response = await subgraph.server.executeOperation(
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: representations },
      },
      { contextValue },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  }

  it('ReconnectService by code', async () => {
    const result = await entities(
      [{ __typename: 'ReconnectService', code: 'RC-NW' }],
      '... on ReconnectService { code name }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ code: 'RC-NW', name: 'RECONNECT North West' }] });
  });

  it('Establishment by code', async () => {
    const result = await entities(
      [{ __typename: 'Establishment', code: 'ACI' }],
      '... on Establishment { code name }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ code: 'ACI', name: 'Altcourse (HMP & YOI)' }] });
  });

  it('field rules still apply to an entity fetched by reference', async () => {
    // Staff lists are not for referrers, however the service is reached (`staff` is non-null, so
    // the denial nulls the whole entity).
    const result = await entities(
      [{ __typename: 'ReconnectService', code: 'RC-NW' }],
      '... on ReconnectService { name staff { name } }',
    );
    expect(result.data).toEqual({ _entities: [null] });
    expect(JSON.stringify(result)).not.toContain('Okafor');
    expect(result.errors?.[0]).toMatchObject({
      path: ['_entities', 0, 'staff'],
      extensions: { code: 'FORBIDDEN' },
    });
  });
});

describe('internal token keys per audience (issue 19, item 5)', () => {
  const PROCESSES = Object.keys(INTERNAL_CALLS);

  it('each subgraph accepts a token only from a process that holds its key: the gateway and its declared callers', async () => {
    const outcomes: Record<string, Record<string, number>> = {};
    for (const target of NAMES) {
      for (const caller of PROCESSES.filter((p) => p !== target)) {
        const keys = InternalKeys.forProcess(hub.internalSecret, caller);
        const claims = { principal, requestId: 'req-audience-test', caller };
        const hash = requestBodyHash(SDL.query, SDL.variables);
        let status: number;
        if (keys.has(target)) {
          status = (await post(target, SDL, await signInternalToken(keys, target, claims, hash))).status;
        } else {
          // It cannot sign for the target at all; the best it can do is sign with each key it
          // holds, addressed to the target. Every one is refused.
          await expect(signInternalToken(keys, target, claims, hash)).rejects.toThrow(
            /no internal token key/,
          );
          const statuses = new Set<number>();
          for (const held of keys.audiences) {
            const forged = new InternalKeys([[target, keys.keyFor(held)]]);
            statuses.add(
              (await post(target, SDL, await signInternalToken(forged, target, claims, hash))).status,
            );
          }
          expect([...statuses]).toEqual([401]);
          status = 401;
        }
        (outcomes[target] ??= {})[caller] = status;
      }
    }
    expect(outcomes).toEqual({
      'regional-service': { gateway: 200, person: 401, referral: 200, partner: 200 },
      person: { gateway: 200, 'regional-service': 401, referral: 200, partner: 200 },
      referral: { gateway: 200, 'regional-service': 401, person: 200, partner: 200 },
      partner: { gateway: 200, 'regional-service': 401, person: 200, referral: 401 },
    });
  });

  it('INTERNAL_CALLS declares exactly the calls the subgraphs make', () => {
    const root = fileURLToPath(new URL('../../subgraphs/', import.meta.url));
    const made: Record<string, string[]> = {};
    for (const name of NAMES) {
      const found = new Set<string>();
      for (const file of readdirSync(join(root, name, 'src'), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts') || file.includes('generated')) continue;
        const text = readFileSync(join(root, name, 'src', file), 'utf8');
        // hubFor(ctx).call<...>('person', ...) and hub.call<...>('referral', ...), generics over lines.
        for (const m of text.matchAll(/\.call(?:<[\s\S]*?>)?\(\s*'([a-z-]+)'/g)) found.add(m[1]!);
      }
      made[name] = [...found].sort();
    }
    expect(made).toEqual(
      Object.fromEntries(
        NAMES.map((n) => [n, [...(INTERNAL_CALLS as Record<string, readonly string[]>)[n]!].sort()]),
      ),
    );
  });
});
