/**
 * The person subgraph on a fresh database, queried through `server.executeOperation` with a
 * context built like a real request's (principal, request id, calling subgraph). Shield, loaders,
 * Access and the audit recorder are the real ones.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { InternalKeys, type Principal, type Role } from '@reconnect/auth';
import { auditEvents, type AuditEventRow } from '@reconnect/audit';
import { Clock } from '@reconnect/config';
import type { Db } from '@reconnect/db';
import { createLogger, type Subgraph } from '@reconnect/graph';
import { createHubDatabase, type TestDatabase } from '@reconnect/hub/testing';
import { buildPersonSubgraph } from '../src/server.ts';

export const TODAY = '2026-11-25';

/** Test code reads results by path: the default result type is deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export interface GraphqlResult<T = Loose> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  requestId: string;
}

export interface Caller {
  roles: Role[];
  org?: string;
  sub?: string;
  /** The subgraph the request comes from: `gateway` unless said otherwise. */
  caller?: string;
}

export interface PersonHarness {
  database: TestDatabase;
  db: Db;
  clock: Clock;
  subgraph: Subgraph;
  exec<T = Loose>(query: string, variables: Record<string, unknown>, as: Caller): Promise<GraphqlResult<T>>;
  auditOf(requestId: string): Promise<AuditEventRow[]>;
  stop(): Promise<void>;
}

export function principalOf(as: Caller): Principal {
  return { subject: as.sub ?? `test-${as.roles.join('+')}`, roles: as.roles, organisationCode: as.org };
}

export async function startPersonHarness(): Promise<PersonHarness> {
  const database = await createHubDatabase({ seed: false });
  const clock = new Clock();
  clock.set(`${TODAY}T10:00:00Z`);
  const subgraph = buildPersonSubgraph({
    db: database.handle.db,
    clock,
    internalKeys: InternalKeys.forProcess('a-test-secret-of-at-least-32-characters', 'person'),
    logger: createLogger(process.env.PERSON_TEST_LOG ?? 'silent', 'person-test'),
    environment: 'test',
    subgraphUrls: {},
  });
  return {
    database,
    db: database.handle.db,
    clock,
    subgraph,
    async exec(query, variables, as) {
      const requestId = randomUUID();
      const contextValue = await subgraph.createContext({
        principal: principalOf(as),
        requestId,
        caller: as.caller ?? 'gateway',
      });
      const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return { ...(response.body.singleResult as object), requestId } as never;
    },
    async auditOf(requestId) {
      return database.handle.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, requestId))
        .orderBy(auditEvents.seq);
    },
    async stop() {
      await subgraph.stop();
      await database.drop();
    },
  };
}

/** The codes of the errors, by path: `{ 'person.nhsNumber': 'FORBIDDEN' }`. */
export function errorCodes(result: GraphqlResult): Record<string, string> {
  return Object.fromEntries(
    (result.errors ?? []).map((e) => [(e.path ?? []).join('.'), String(e.extensions?.code)]),
  );
}
