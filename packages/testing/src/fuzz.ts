/**
 * Helpers for the property-based (fast-check) fuzz tests of the gateway: hostile values to put in
 * one argument of a valid mutation at a time, the assertions every answer must pass, and a
 * snapshot of every domain table to prove a rejected mutation left the database as it was.
 */
import fc from 'fast-check';
import { rowsOf, sql, type Db } from '@reconnect/db';
import type { GraphqlResponse } from './http.ts';

/** Put in every hostile string so a test can tell whether an error message echoed the input. */
export const FUZZ_MARKER = 'FZQX7';

/** Codes a rejected mutation may carry (AUTH.md); INTERNAL_SERVER_ERROR is never acceptable. */
export const FUZZ_ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'INELIGIBLE',
  'INVALID_TRANSITION',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
]);

/** Schemas whose every table must be unchanged (count and content) after a rejected mutation. */
export const FUZZ_SNAPSHOT_SCHEMAS = ['referral', 'person', 'partner', 'events', 'access'] as const;

/**
 * How an argument may be corrupted. `text` is free text: any string is legitimate there, so it
 * only gets wrong types, a 100 kB string and a NUL byte; every other kind must reject every
 * hostile string as well.
 */
export type ArgKind =
  | 'id'
  | 'code'
  | 'text'
  | 'date'
  | 'dateTime'
  | 'enum'
  | 'int'
  | 'nhs'
  | 'prison'
  | 'crn'
  | 'pnc'
  | 'url'
  | 'eventTypes'
  | 'enumList'
  | 'codeList'
  | 'object'
  | 'list';

const m = FUZZ_MARKER;
const huge = `${m}${'A'.repeat(100_000)}`;

/** Hostile strings: injection, unicode, traversal; each carries the marker. */
export const HOSTILE_STRINGS: readonly string[] = [
  `'; drop table referral.referrals; --${m}`,
  `\${${m}}`,
  `<script>${m}</script>`,
  `../../etc/passwd${m}`,
  `${m}😀👩🏽‍⚕️`,
  `\u202e${m}\u05e9\u05dc\u05d5\u05dd`,
  `${m}\u0000x`,
  `${m}\ud800`,
  `${m}\udfff\ud83d`,
  ` ${m} `,
  huge,
];

const wrongForString = fc.constantFrom<unknown>(42, -1.5, true, false, { [m]: 1 }, [m], [], 0);
const hostile = fc.constantFrom(...HOSTILE_STRINGS);

const BAD_DATES = [
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  'tomorrow',
  '26-11-2026',
  '2026-11-25T10:00:00Z',
  '',
];
const BAD_DATETIMES = [
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-13-01T00:00:00Z',
  'tomorrow',
  '2026-11-24',
  '2026-11-24T25:61:00Z',
  '',
];

/** Values that must be refused for one argument of the given kind. */
export function corruptValue(kind: ArgKind, nullable: boolean): fc.Arbitrary<unknown> {
  const strings = fc.oneof(wrongForString, hostile);
  const nullIfRequired: fc.Arbitrary<unknown>[] = nullable ? [] : [fc.constant(null)];
  const withNull = (a: fc.Arbitrary<unknown>) => fc.oneof(a, ...nullIfRequired);
  switch (kind) {
    case 'text':
      return withNull(fc.oneof(wrongForString, fc.constantFrom(huge, `${m}\u0000x`)));
    case 'id':
      return withNull(
        fc.oneof(
          strings,
          fc.constantFrom(`not-a-uuid-${m}`, `00000000-0000-0000-0000-00000000000g`, `{${m}}`),
        ),
      );
    case 'code':
      return withNull(fc.oneof(strings, fc.constantFrom(`NOPE-${m}`, `mri${m}`, `*${m}`, `%${m}%`)));
    case 'date':
      return withNull(fc.oneof(wrongForString, hostile, fc.constantFrom(...BAD_DATES)));
    case 'dateTime':
      return withNull(fc.oneof(wrongForString, hostile, fc.constantFrom(...BAD_DATETIMES)));
    case 'enum':
      return withNull(
        fc.oneof(wrongForString, hostile, fc.constantFrom(`NOT_A_VALUE_${m}`, 'given', 'other')),
      );
    case 'int':
      return withNull(fc.constantFrom<unknown>('1', true, 1.5, 2 ** 40, -(2 ** 40), { n: 1 }, [1], m, -1));
    case 'nhs':
      return withNull(
        fc.oneof(
          strings,
          fc.constantFrom('9434765918', '943476591', '94347659190', `${m}12345`, '943 476 591X'),
        ),
      );
    case 'prison':
      return withNull(fc.oneof(strings, fc.constantFrom('A1234B', '1234ABC', 'AA1234BC', `${m}1`)));
    case 'crn':
      return withNull(fc.oneof(strings, fc.constantFrom('12345', 'X12345X', `${m}`, '1X2345')));
    case 'pnc':
      return withNull(
        fc.oneof(strings, fc.constantFrom('2001/123', '20O1/1234567A', `${m}/1`, '2001/1234567')),
      );
    case 'url':
      return withNull(
        fc.oneof(
          wrongForString,
          hostile,
          fc.constantFrom(
            `file:///etc/passwd#${m}`,
            `javascript:alert('${m}')`,
            `not a url ${m}`,
            `ftp://${m}.example/`,
          ),
        ),
      );
    case 'eventTypes':
    case 'enumList':
    case 'codeList':
      return withNull(
        fc.oneof(
          fc.constantFrom<unknown>([42], [null], [{ a: m }], [true], [[m]]),
          fc.array(hostile, { minLength: 1, maxLength: 2 }),
        ),
      );
    case 'list':
      return withNull(fc.constantFrom<unknown>([42], [null], [m], [[{}]], 42, { a: m }));
    case 'object':
      return withNull(fc.constantFrom<unknown>(42, m, true, [42], [m], {}, { [m]: 1 }));
  }
}

/** A copy of `variables` with the value at a dotted path (e.g. `input.person.nhsNumber`) replaced. */
export function withValueAt(
  variables: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(variables);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys.at(-1)!] = value;
  return copy;
}

/**
 * What is wrong with a response to a corrupted mutation, or undefined when it is a clean refusal:
 * HTTP 200 or 400, at least one error, every error coded from AUTH.md's list, and no message
 * echoing the hostile value.
 */
export function refusalProblem(response: GraphqlResponse): string | undefined {
  if (response.status !== 200 && response.status !== 400) return `HTTP ${response.status}`;
  const errors = response.body.errors ?? [];
  if (errors.length === 0) return `accepted: ${JSON.stringify(response.body.data).slice(0, 300)}`;
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code !== 'string' || !FUZZ_ALLOWED_CODES.has(code)) {
      return `code ${String(code)}: ${error.message.slice(0, 300)}`;
    }
    if (error.message.includes(m)) return `message echoes the input: ${error.message.slice(0, 300)}`;
  }
  return undefined;
}

/** Row count and a content checksum of every table of the domain schemas. */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(
    await db.execute(
      sql`select table_schema as s, table_name as t from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema in ${sql.raw(`(${FUZZ_SNAPSHOT_SCHEMAS.map((s) => `'${s}'`).join(',')})`)}
          order by 1, 2`,
    ),
  );
  const parts = tables.map(
    ({ s, t }) =>
      `select '${s}.${t}' as k, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as v from "${s}"."${t}" x`,
  );
  const rows = rowsOf<{ k: string; v: string }>(await db.execute(sql.raw(parts.join(' union all '))));
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

/** The highest audit sequence number, to find the events a run added. */
export async function auditHighWater(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number | string | null }>(
    await db.execute(sql`select max(seq) as n from audit.events`),
  );
  return Number(row?.n ?? 0);
}

/** Audit events after `seq` that record a change (anything but a read or a refusal). */
export async function auditChangesSince(db: Db, seq: number): Promise<{ action: string; outcome: string }[]> {
  return rowsOf<{ action: string; outcome: string }>(
    await db.execute(
      sql`select action, outcome from audit.events
          where seq > ${seq} and outcome = 'SUCCESS' and action not like '%.read'`,
    ),
  );
}

/** One mutation to fuzz: a valid baseline call and the arguments to corrupt, one at a time. */
export interface FuzzCase {
  mutation: string;
  caller: { role: string; org: string };
  /** The operation, taking every argument as a variable. */
  query: string;
  variables: Record<string, unknown>;
  args: { path: string; kind: ArgKind; nullable?: boolean }[];
}

export interface FuzzHub {
  database: { handle: { db: Db } };
  as(
    role: string,
    options: { org: string },
  ): Promise<{
    query(q: string, v?: Record<string, unknown>): Promise<GraphqlResponse>;
  }>;
}

/**
 * Sends `numRuns` corrupted variants of one mutation through the gateway and checks every answer
 * is a clean coded refusal and that no domain table, and no audit event other than a read or a
 * refusal, changed. Returns the number of cases sent.
 */
export async function fuzzMutation(
  hub: FuzzHub,
  fuzzCase: FuzzCase,
  options: { numRuns: number; seed: number },
): Promise<number> {
  const db = hub.database.handle.db;
  const caller = await hub.as(fuzzCase.caller.role, { org: fuzzCase.caller.org });
  const before = await snapshotTables(db);
  const auditSeq = await auditHighWater(db);
  let sent = 0;
  const corruption = fc.oneof(
    ...fuzzCase.args.map((arg) =>
      fc.tuple(fc.constant(arg.path), corruptValue(arg.kind, arg.nullable ?? false)),
    ),
  );
  await fc.assert(
    fc.asyncProperty(corruption, async ([path, value]) => {
      sent += 1;
      const response = await caller.query(fuzzCase.query, withValueAt(fuzzCase.variables, path, value));
      const problem = refusalProblem(response);
      if (problem) {
        throw new Error(`${fuzzCase.mutation} ${path}=${JSON.stringify(value).slice(0, 80)}: ${problem}`);
      }
    }),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
  );
  const after = await snapshotTables(db);
  const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
  if (changed.length > 0) throw new Error(`${fuzzCase.mutation} changed ${changed.join(', ')}`);
  const changes = await auditChangesSince(db, auditSeq);
  if (changes.length > 0) {
    throw new Error(`${fuzzCase.mutation} audited changes: ${changes.map((c) => c.action).join(', ')}`);
  }
  return sent;
}

/** Runs constant SQL written by a test (never user input) and returns its rows. */
export async function rawRows<T = Record<string, unknown>>(db: Db, text: string): Promise<T[]> {
  return rowsOf<T>(await db.execute(sql.raw(text)));
}
