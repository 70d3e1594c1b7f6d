/**
 * How many items each unpaged list of the API can hold, for the object estimate (cost.ts). A paged
 * list (a connection's `nodes`) is sized by its `first`; every other list of objects is named here
 * with where its bound comes from, and a test (gateway/test/bounds.test.ts) fails when a list of
 * the API schema is missing. A list that is not named here is assumed to hold `UNKNOWN_LIST_BOUND`
 * items: deny by default, never a small guess.
 *
 * The bounds:
 *  - `directory(subgraph)`: a root list of reference data (local authorities, establishments,
 *    services, partner organisations). Its rows are counted at the gateway's start by asking the
 *    owning subgraph for `{ <field> { __typename } }`, and counted again every
 *    `DIRECTORY_REFRESH_MS` and after a mutation that changes one passes the gateway
 *    (`DIRECTORY_MUTATIONS`: a data sharing agreement, information governance's
 *    `saveReferringOrganisation`; the rest of the directory is changed by seeding), so that the estimate
 *    always multiplies by the number of rows the directory really holds. Until the first count
 *    succeeds (a subgraph down at start), the list is assumed to hold `UNKNOWN_LIST_BOUND` rows.
 *    Adding a directory list is one line here, like `'Query.referringOrganisations': directory('regional-service')`,
 *    and its changing mutation in `DIRECTORY_MUTATIONS`.
 *  - `rowsOf('Query.x')`: a nested list of the same directory's rows (a service's local
 *    authorities are at most all of them).
 *  - `counted(subgraph, 'a.b(args)')`: a nested directory list counted over every parent at once
 *    (every service's staff, every partner's agreements): at most all of them.
 *  - `fixed(n, why)`: an enum's values, or a cap a write enforces.
 *  - `perRecord(n, why)`: a list that grows over one record's life (a referral's contacts). Not a
 *    hard limit: an outlier is still bounded by the answer-size cap (GATEWAY_MAX_RESPONSE_BYTES).
 */
import { Kind, type DocumentNode, type GraphQLSchema, isEnumType, visit } from 'graphql';
import { internalRequestHeaders, type Principal } from '@reconnect/auth';
import type { Logger } from '@reconnect/graph';

export type ListBound =
  | { kind: 'directory'; subgraph: string }
  | { kind: 'rowsOf'; list: string }
  | { kind: 'counted'; subgraph: string; path: string }
  | { kind: 'fixed'; size: number; why: string }
  | { kind: 'enum'; type: string }
  | { kind: 'perRecord'; size: number; why: string };

export const directory = (subgraph: string): ListBound => ({ kind: 'directory', subgraph });
export const rowsOf = (list: string): ListBound => ({ kind: 'rowsOf', list });
export const counted = (subgraph: string, path: string): ListBound => ({ kind: 'counted', subgraph, path });
export const fixed = (size: number, why: string): ListBound => ({ kind: 'fixed', size, why });
export const valuesOf = (type: string): ListBound => ({ kind: 'enum', type });
export const perRecord = (size: number, why: string): ListBound => ({ kind: 'perRecord', size, why });

/** What a list of one record's life is estimated at (not enforced; the answer-size cap is). */
const RECORD_LIST = 50;

/** A list nobody configured: large enough that nesting two of them is refused outright. */
export const UNKNOWN_LIST_BOUND = 1_000;

/** How often the directory's rows are counted again (a mutation through the gateway also does). */
export const DIRECTORY_REFRESH_MS = 5 * 60_000;

/** How long one count read may take (or the subgraph timeout, when longer). */
export const DIRECTORY_COUNT_TIMEOUT_MS = 10_000;

/** How soon a count that could not be read is tried again. */
export const DIRECTORY_RETRY_MS = 5_000;

/** Every unpaged list of objects in schema/api.graphql, by `Type.field`. */
export const LIST_BOUNDS: Record<string, ListBound> = {
  // The directory (regional-service), counted.
  'Query.localAuthorities': directory('regional-service'),
  'Query.establishments': directory('regional-service'),
  'Query.reconnectServices': directory('regional-service'),
  'Query.referringOrganisations': directory('regional-service'),
  'ReconnectService.localAuthorities': rowsOf('Query.localAuthorities'),
  'ReconnectService.establishments': rowsOf('Query.establishments'),
  'ReconnectService.staff': counted('regional-service', 'reconnectServices.staff(activeOnly: false)'),
  // Enhanced RECONNECT's partners (partner), counted.
  'Query.partnerOrganisations': directory('partner'),
  'PartnerOrganisation.agreements': counted('partner', 'partnerOrganisations.agreements'),
  'EnhancedCase.partners': rowsOf('Query.partnerOrganisations'),
  // Capped by a write, or by an enum.
  'Query.webhooks': fixed(1_000, 'WEBHOOK_MAX_SUBSCRIPTIONS_PER_ORGANISATION is at most 1000'),
  'ServiceMetrics.bySource': valuesOf('ReferralSource'),
  'ServiceMetrics.discharges': valuesOf('DischargeReason'),
  // One record's life.
  'EnhancedCase.updates': perRecord(RECORD_LIST, "a case's partner updates"),
  'Referral.contacts': perRecord(RECORD_LIST, "a referral's contacts"),
  'Referral.engagements': perRecord(RECORD_LIST, "a referral's community engagements"),
  'Referral.history': perRecord(RECORD_LIST, "a referral's events"),
  'Referral.handovers': perRecord(RECORD_LIST, "a referral's handovers"),
  'Referral.notes': perRecord(RECORD_LIST, "a referral's case notes"),
  'Referral.appointments': perRecord(RECORD_LIST, "a referral's appointments"),
  'Person.healthNeeds': perRecord(RECORD_LIST, "a person's health needs"),
  'Person.riskAssessments': perRecord(RECORD_LIST, "a person's risk assessments"),
  'Person.identityConflicts': perRecord(RECORD_LIST, "a person's identity conflicts"),
  'Person.referrals': perRecord(RECORD_LIST, "a person's referrals"),
};

/** The counts a running gateway knows, by the list they bound. */
export type DirectoryCounts = ReadonlyMap<string, number>;

/** The size `bound` gives a list, with the directory's `counts` (what is not counted yet: unknown). */
export function boundSize(
  bound: ListBound | undefined,
  counts: DirectoryCounts,
  schema: GraphQLSchema,
  key?: string,
): number {
  if (!bound) return UNKNOWN_LIST_BOUND;
  switch (bound.kind) {
    case 'directory':
      return counts.get(key ?? '') ?? UNKNOWN_LIST_BOUND;
    case 'rowsOf':
      return boundSize(LIST_BOUNDS[bound.list], counts, schema, bound.list);
    case 'counted':
      return counts.get(key ?? '') ?? UNKNOWN_LIST_BOUND;
    case 'enum': {
      const type = schema.getType(bound.type);
      return isEnumType(type) ? type.getValues().length : UNKNOWN_LIST_BOUND;
    }
    default:
      return bound.size;
  }
}

/** `a.b(activeOnly: false)` as a selection: `a { b(activeOnly: false) { __typename } }`. */
function selectionOf(path: string): string {
  const steps = path.split('.');
  return steps.reduceRight((inner, step) => `${step} { ${inner} }`, '__typename');
}

/** The objects at the end of `path` in `data`, over every parent (a list at each step). */
function countAt(data: unknown, steps: string[]): number {
  if (Array.isArray(data)) return data.reduce((n: number, item) => n + countAt(item, steps), 0);
  if (data === null || typeof data !== 'object') return 0;
  if (steps.length === 0) return 1;
  const [first, ...rest] = steps;
  return countAt((data as Record<string, unknown>)[first!], rest);
}

/** The field names of a path (`staff(activeOnly: false)` is `staff`). */
const fieldsOf = (path: string) => path.split('.').map((s) => s.replace(/\(.*$/, '').trim());

/** What the counter asks for one counted list: its subgraph, the query, and where the rows are in the answer. */
export interface CountQuery {
  key: string;
  subgraph: string;
  query: string;
  steps: string[];
}

/**
 * One query per counted list (`query DirectoryCounts { localAuthorities { __typename } }`), so
 * that a list a subgraph cannot answer (a field not deployed yet) leaves only that list unknown.
 */
export function countQueries(bounds: Record<string, ListBound> = LIST_BOUNDS): CountQuery[] {
  const out: CountQuery[] = [];
  for (const [key, bound] of Object.entries(bounds)) {
    if (bound.kind !== 'directory' && bound.kind !== 'counted') continue;
    const path = bound.kind === 'directory' ? key.split('.')[1]! : bound.path;
    const query = `query DirectoryCounts { ${selectionOf(path)} }`;
    out.push({ key, subgraph: bound.subgraph, query, steps: fieldsOf(path) });
  }
  return out;
}

/** The principal the gateway counts the directory as: an admin reads every directory row. */
export const DIRECTORY_COUNTER: Principal = {
  subject: 'reconnect-gateway:directory-counts',
  roles: ['RECONNECT_ADMIN'],
};

export interface DirectoryCounterOptions {
  subgraphUrls: Record<string, string>;
  internalSecret: string;
  timeoutMs: number;
  logger: Logger;
  bounds?: Record<string, ListBound>;
}

/**
 * The directory's row counts, read from the subgraphs (`refresh`) and kept in `counts`. A count
 * that cannot be read keeps its last value (or none: UNKNOWN_LIST_BOUND); a count only grows
 * between two reads of the same process unless a read says otherwise.
 */
export class DirectoryCounter {
  readonly counts = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly options: DirectoryCounterOptions) {}

  /** Counts every directory list now; a refresh asked for while one runs runs once after it. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.countAll().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  /** Counts at once, then every `intervalMs` (unref'd: it keeps no process alive). */
  start(intervalMs = DIRECTORY_REFRESH_MS): Promise<void> {
    this.timer ??= setInterval(() => void this.refresh(), intervalMs).unref();
    return this.refresh();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    this.timer = undefined;
    this.retry = undefined;
  }

  private async countAll(): Promise<void> {
    const queries = countQueries(this.options.bounds);
    await Promise.all(
      queries.map(async ({ key, subgraph, query, steps }) => {
        try {
          this.counts.set(key, countAt(await this.ask(subgraph, query), steps));
        } catch (error) {
          this.options.logger.warn(
            { list: key, subgraph, err: (error as Error).message, known: this.counts.get(key) ?? null },
            'directory count not read: the estimate keeps the last count (or the unknown-list bound)',
          );
        }
      }),
    );
    if (this.timer && !this.retry && queries.some((q) => !this.counts.has(q.key))) {
      // One retry pending at a time, however many reads fail.
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.refresh();
      }, DIRECTORY_RETRY_MS).unref();
    }
  }

  private async ask(subgraph: string, query: string): Promise<unknown> {
    const url = this.options.subgraphUrls[subgraph];
    if (!url) throw new Error(`no URL configured for subgraph ${subgraph}`);
    const body = { query, variables: {} };
    const headers = await internalRequestHeaders(
      this.options.internalSecret,
      subgraph,
      { principal: DIRECTORY_COUNTER, requestId: crypto.randomUUID(), caller: 'gateway' },
      body,
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    if (answer.errors?.length) throw new Error(answer.errors.map((e) => e.message).join('; '));
    return answer.data;
  }
}

/** The mutations that change a counted list (a partner's agreements): the counts are read again after one. */
export const DIRECTORY_MUTATIONS: ReadonlySet<string> = new Set([
  'recordDataSharingAgreement',
  'saveReferringOrganisation',
]);

/**
 * Whether an answered operation changed a counted list: a mutation of `DIRECTORY_MUTATIONS` (at the
 * root or through a fragment) whose answer is in `data`. A refused or failed one (its field null or
 * absent) changed nothing and reads no counts: any caller may send one, and each read is a count
 * query per directory list.
 */
export function changedDirectory(
  document: DocumentNode | undefined,
  data: Record<string, unknown> | null | undefined,
): boolean {
  if (!document || !data) return false;
  const mutation = document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
  );
  if (!mutation) return false;
  let changed = false;
  visit(document, {
    Field(node) {
      if (DIRECTORY_MUTATIONS.has(node.name.value) && data[(node.alias ?? node.name).value] != null) {
        changed = true;
      }
    },
  });
  return changed;
}
